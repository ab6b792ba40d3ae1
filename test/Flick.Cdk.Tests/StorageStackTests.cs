using System.Text.Json.Nodes;

namespace Flick.Cdk.Tests;

[Collection(FlickAppCollection.Name)]
public sealed class StorageStackTests(FlickAppFixture app)
{
    [Fact]
    public void ThereAreThreeBuckets_RawSeriesAndClean()
    {
        FlickAppFixture.Resources(app.Storage, "AWS::S3::Bucket").Select(b => b.Id[..b.Id.IndexOf("Bucket", StringComparison.Ordinal)])
            .Order(StringComparer.Ordinal).ShouldBe(["Clean", "Raw", "Series"]);
    }

    [Fact]
    public void EveryBucket_BlocksPublicAccess_IsEncrypted_AndSendsEventsToEventBridge()
    {
        foreach (var (id, bucket) in FlickAppFixture.Resources(app.Storage, "AWS::S3::Bucket"))
        {
            var block = bucket["PublicAccessBlockConfiguration"]!;
            foreach (var setting in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
            {
                ((bool?)block[setting]).ShouldBe(true, $"{id} {setting}");
            }

            var encryption = bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]!.AsArray();
            encryption.Count.ShouldBe(1, id);
            ((string?)encryption[0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]).ShouldBe("AES256", id);
            ((bool?)bucket["NotificationConfiguration"]!["EventBridgeConfiguration"]!["EventBridgeEnabled"]).ShouldBe(true, id);
        }
    }

    [Fact]
    public void EveryBucket_HasAPolicyThatDeniesRequestsWithoutTls()
    {
        var policies = FlickAppFixture.Resources(app.Storage, "AWS::S3::BucketPolicy").ToList();
        foreach (var (id, _) in FlickAppFixture.Resources(app.Storage, "AWS::S3::Bucket"))
        {
            var policy = policies.SingleOrDefault(p => (string?)p.Properties["Bucket"]!["Ref"] == id).Properties;
            policy.ShouldNotBeNull($"{id} has no bucket policy");
            policy["PolicyDocument"]!["Statement"]!.AsArray().ShouldContain(s =>
                (string?)s!["Effect"] == "Deny" &&
                (string?)s["Condition"]!["Bool"]!["aws:SecureTransport"] == "false" &&
                (string?)s["Principal"]!["AWS"] == "*", $"{id} does not deny plain HTTP");
        }
    }

    [Fact]
    public void RawObjects_MoveToInfrequentAccessThenToArchive_AndSeriesSlotsExpire()
    {
        var raw = Bucket("RawBucket")["LifecycleConfiguration"]!["Rules"]!.AsArray();
        var transitions = raw.Single(r => r!["Transitions"] is not null)!["Transitions"]!.AsArray()
            .Select(t => ((string?)t!["StorageClass"], (int?)t["TransitionInDays"])).ToList();
        transitions.ShouldBe([("STANDARD_IA", 30), ("GLACIER", 90)]);

        var series = Bucket("SeriesBucket")["LifecycleConfiguration"]!["Rules"]!.AsArray();
        series.ShouldContain(r => (string?)r!["Prefix"] == "slots/" && (int?)r["ExpirationInDays"] == 35 && (string?)r["Status"] == "Enabled");
    }

    [Fact]
    public void Tables_HaveTheKeysOfTheAwsAdapters()
    {
        // The layout of src/Flick.Aws/Tables/README.md, restated: name, partition key, sort key, index.
        var expected = new Dictionary<string, (string Hash, string? Range, string? Index)>
        {
            ["flick-test-pulls"] = ("pull_id", null, "by-source:source:started_key"),
            ["flick-test-runs"] = ("pk", "sk", "by-series:series_id:created_key"),
            ["flick-test-viewers"] = ("pk", "sk", null),
            ["flick-test-rankings"] = ("pk", "sk", null),
            ["flick-test-profiles"] = ("pk", "sk", null),
            ["flick-test-rollups"] = ("pk", "sk", null),
        };
        var tables = FlickAppFixture.Resources(app.Storage, "AWS::DynamoDB::Table").Select(t => t.Properties).ToList();
        tables.Select(t => (string?)t["TableName"]).Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var table in tables)
        {
            var (hash, range, index) = expected[(string)table["TableName"]!];
            Keys(table["KeySchema"]!.AsArray()).ShouldBe((hash, range), (string?)table["TableName"]);
            var indexes = table["GlobalSecondaryIndexes"]?.AsArray()
                .Select(i => $"{i!["IndexName"]}:{Keys(i["KeySchema"]!.AsArray()).Hash}:{Keys(i["KeySchema"]!.AsArray()).Range}")
                .SingleOrDefault();
            indexes.ShouldBe(index, (string?)table["TableName"]);
            table["AttributeDefinitions"]!.AsArray().ShouldAllBe(a => (string?)a!["AttributeType"] == "S");
        }
    }

    [Fact]
    public void EveryTable_IsOnDemand_WithPointInTimeRecoveryAndEncryption()
    {
        var tables = FlickAppFixture.Resources(app.Storage, "AWS::DynamoDB::Table").ToList();
        tables.Count.ShouldBe(6);
        foreach (var (id, table) in tables)
        {
            ((string?)table["BillingMode"]).ShouldBe("PAY_PER_REQUEST", id);
            ((bool?)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]).ShouldBe(true, id);
            ((bool?)table["SSESpecification"]!["SSEEnabled"]).ShouldBe(true, id);
        }
    }

    [Fact]
    public void StatefulResources_AreRetainedWhenTheStackIsDeleted()
    {
        foreach (var type in new[] { "AWS::S3::Bucket", "AWS::DynamoDB::Table" })
        {
            app.Storage["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == type)
                .ShouldAllBe(r => (string?)r.Value!["DeletionPolicy"] == "Retain");
        }
    }

    [Fact]
    public void EverySource_HasItsClientIdParameter_UnderTheNameTheCredentialsAdapterReads()
    {
        FlickAppFixture.Resources(app.Storage, "AWS::SSM::Parameter").Select(p => ((string?)p.Properties["Name"], (string?)p.Properties["Type"]))
            .Order().ShouldBe([("/flick/test/sources/kick/client-id", "String"), ("/flick/test/sources/twitch/client-id", "String")]);
    }

    private JsonObject Bucket(string prefix) =>
        FlickAppFixture.Resources(app.Storage, "AWS::S3::Bucket").Single(b => b.Id.StartsWith(prefix, StringComparison.Ordinal)).Properties;

    private static (string? Hash, string? Range) Keys(JsonArray schema) =>
        ((string?)schema.Single(k => (string?)k!["KeyType"] == "HASH")!["AttributeName"],
         (string?)schema.SingleOrDefault(k => (string?)k!["KeyType"] == "RANGE")?["AttributeName"]);
}
