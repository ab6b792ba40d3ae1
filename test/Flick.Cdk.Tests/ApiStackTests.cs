using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Flick.Cdk.Tests;

[Collection(FlickAppCollection.Name)]
public sealed class ApiStackTests(FlickAppFixture app)
{
    [Fact]
    public void TheApp_NeedsNoLookupInAnAwsAccount()
    {
        app.MissingContext.ShouldBeEmpty();
        FlickAppFixture.Resources(app.Api, "AWS::EC2::Subnet").Select(s => (string?)s.Properties["AvailabilityZone"]).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["us-east-1a", "us-east-1b"]);
    }

    [Fact]
    public void TheUserPool_HasTheGroupsOfTheApiRoles_AndAnAppClientWithoutSecret()
    {
        var template = app.Templates[app.Flick.Api.StackName];
        template.ResourceCountIs("AWS::Cognito::UserPool", 1);
        template.ResourceCountIs("AWS::Cognito::UserPoolGroup", 3);
        foreach (var group in new[] { "viewer", "operator", "admin" })
        {
            template.HasResourceProperties("AWS::Cognito::UserPoolGroup", new Dictionary<string, object> { ["GroupName"] = group });
        }

        template.HasResourceProperties("AWS::Cognito::UserPoolClient", new Dictionary<string, object> { ["GenerateSecret"] = false });
        template.HasResourceProperties("AWS::Cognito::UserPool", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AdminCreateUserConfig"] = new Dictionary<string, object> { ["AllowAdminCreateUserOnly"] = true },
        }));
    }

    [Fact]
    public void TheService_RunsOnFargateBehindALoadBalancer_WithCognitoAndRedisConfigured()
    {
        var container = FlickAppFixture.Resources(app.Api, "AWS::ECS::TaskDefinition").Single().Properties["ContainerDefinitions"]![0]!;
        var environment = container["Environment"]!.AsArray().ToDictionary(e => (string)e!["Name"]!, e => e!["Value"]!);
        ((string?)environment["Flick__Api__Auth"]).ShouldBe("Cognito");
        environment["Flick__Api__Cognito__Authority"].ToJsonString().ShouldContain("ProviderURL");
        environment["Flick__Api__Cognito__Audience"].ToJsonString().ShouldContain("AppClient");
        environment["REDIS_URL"].ToJsonString().ShouldContain("rediss://");
        environment["REDIS_URL"].ToJsonString().ShouldContain("PrimaryEndPoint.Address");
        ((string?)environment["FLICK_TABLE_PREFIX"]).ShouldBe("flick-test-");
        environment["FLICK_QUEUE_API_NOTIFICATIONS"].ToJsonString().ShouldContain("ApiNotificationsQueue");
        ((int?)container["PortMappings"]![0]!["ContainerPort"]).ShouldBe(8080);

        var service = FlickAppFixture.Resources(app.Api, "AWS::ECS::Service").Single().Properties;
        ((string?)service["LaunchType"]).ShouldBe("FARGATE");
        ((string?)service["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]).ShouldBe("DISABLED");
        FlickAppFixture.Resources(app.Api, "AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Properties["Scheme"]!.ToString().ShouldBe("internet-facing");
        ((string?)FlickAppFixture.Resources(app.Api, "AWS::ElasticLoadBalancingV2::TargetGroup").Single().Properties["HealthCheckPath"]).ShouldBe("/health/live");
    }

    [Fact]
    public void Redis_IsEncrypted_InPrivateSubnets_AndReachableOnlyFromTheService()
    {
        var redis = FlickAppFixture.Resources(app.Api, "AWS::ElastiCache::ReplicationGroup").Single().Properties;
        ((bool?)redis["TransitEncryptionEnabled"]).ShouldBe(true);
        ((bool?)redis["AtRestEncryptionEnabled"]).ShouldBe(true);

        var subnetIds = FlickAppFixture.Resources(app.Api, "AWS::ElastiCache::SubnetGroup").Single().Properties["SubnetIds"]!.AsArray()
            .Select(s => (string)s!["Ref"]!).ToList();
        subnetIds.Count.ShouldBe(2);
        subnetIds.ShouldAllBe(id => id.Contains("private", StringComparison.OrdinalIgnoreCase));

        var redisGroup = (string)redis["SecurityGroupIds"]![0]!["Fn::GetAtt"]![0]!;
        var serviceGroups = FlickAppFixture.Resources(app.Api, "AWS::ECS::Service").Single().Properties["NetworkConfiguration"]!["AwsvpcConfiguration"]!["SecurityGroups"]!
            .AsArray().Select(g => (string)g!["Fn::GetAtt"]![0]!).ToList();
        var ingress = FlickAppFixture.Resources(app.Api, "AWS::EC2::SecurityGroupIngress")
            .Where(i => (string?)i.Properties["GroupId"]!["Fn::GetAtt"]![0] == redisGroup).ToList();
        ingress.Count.ShouldBe(1);
        ((int?)ingress[0].Properties["FromPort"]).ShouldBe(6379);
        ((int?)ingress[0].Properties["ToPort"]).ShouldBe(6379);
        serviceGroups.ShouldContain((string)ingress[0].Properties["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]!);
        var group = FlickAppFixture.Resources(app.Api, "AWS::EC2::SecurityGroup").Single(g => g.Id == redisGroup).Properties;
        (group["SecurityGroupIngress"] as JsonArray ?? []).Count.ShouldBe(0);
    }

    [Fact]
    public void TheImage_IsBuiltFromTheRepositorysDockerfile()
    {
        File.Exists(Path.Combine(app.RepositoryRoot, "Dockerfile")).ShouldBeTrue();
        var dockerfile = File.ReadAllText(Path.Combine(app.RepositoryRoot, "Dockerfile"));
        dockerfile.ShouldContain("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build");
        dockerfile.ShouldContain("FROM mcr.microsoft.com/dotnet/aspnet:10.0");
        File.Exists(Path.Combine(app.RepositoryRoot, "src", "Flick.Api.Service", "Flick.Api.Service.csproj")).ShouldBeTrue();
        dockerfile.ShouldContain("src/Flick.Api.Service/Flick.Api.Service.csproj");
    }
}
