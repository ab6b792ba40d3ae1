using LogicalQueues = Flick.Core.Ports.Queues;

namespace Flick.Aws.Tests;

public sealed class AwsOptionsTests
{
    [Fact]
    public void FromEnvironment_WhenEveryVariableIsSet_ShouldReadEachIntoItsOption()
    {
        var environment = new Dictionary<string, string>
        {
            ["FLICK_AWS_REGION"] = "eu-west-1",
            ["AWS_REGION"] = "us-east-2",
            ["FLICK_AWS_SERVICE_URL"] = "http://127.0.0.1:4566",
            ["FLICK_DYNAMODB_SERVICE_URL"] = "http://127.0.0.1:4567",
            ["FLICK_BUCKET_RAW"] = "flick-prod-raw-123456789012",
            ["FLICK_BUCKET_SERIES"] = "flick-prod-series-123456789012",
            ["FLICK_BUCKET_CLEAN"] = "flick.prod.clean",
            ["FLICK_QUEUE_PULL_REQUESTS"] = "flick-prod-pull-requests",
            ["FLICK_QUEUE_INGEST"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/flick-prod-ingest",
            ["FLICK_TABLE_PREFIX"] = "flick-prod-",
            ["FLICK_STATE_MACHINE_ARN"] = "arn:aws:states:eu-west-1:123456789012:stateMachine:flick",
            ["FLICK_EVENT_BUS_NAME"] = "flick-prod",
        };

        var options = AwsOptions.FromEnvironment(environment.GetValueOrDefault);

        options.Region.ShouldBe("eu-west-1");
        options.ServiceUrl.ShouldBe(new Uri("http://127.0.0.1:4566"));
        options.S3ForcePathStyle.ShouldBeTrue();
        options.DynamoDbServiceUrl.ShouldBe(new Uri("http://127.0.0.1:4567"));
        (options.Buckets.Raw, options.Buckets.Series, options.Buckets.Clean)
            .ShouldBe(("flick-prod-raw-123456789012", "flick-prod-series-123456789012", "flick.prod.clean"));
        options.Queues.ShouldBe(new Dictionary<string, string>
        {
            [LogicalQueues.PullRequests] = "flick-prod-pull-requests",
            [LogicalQueues.Ingest] = "https://sqs.eu-west-1.amazonaws.com/123456789012/flick-prod-ingest",
        }, ignoreOrder: true);
        options.TablePrefix.ShouldBe("flick-prod-");
        options.StateMachineArn.ShouldBe("arn:aws:states:eu-west-1:123456789012:stateMachine:flick");
        options.EventBusName.ShouldBe("flick-prod");
        options.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void FromEnvironment_WhenOnlyLambdasRegionIsSet_ShouldKeepTheDefaults()
    {
        var options = AwsOptions.FromEnvironment(name => name == "AWS_REGION" ? "us-east-1" : null);

        options.Region.ShouldBe("us-east-1");
        options.ServiceUrl.ShouldBeNull();
        options.S3ForcePathStyle.ShouldBeFalse();
        (options.Buckets.Raw, options.Buckets.Series, options.Buckets.Clean).ShouldBe(("raw", "series", "clean"));
        options.Queues.ShouldBeEmpty();
        options.TablePrefix.ShouldBe("flick-");
        options.StateMachineArn.ShouldBeNull();
        options.EventBusName.ShouldBe("default");
        Should.NotThrow(options.Validate);
    }

    [Fact]
    public void Validate_WhenSeveralOptionsAreWrong_ShouldNameEveryProblemAtOnce()
    {
        var options = AwsOptions.FromEnvironment(new Dictionary<string, string>
        {
            ["FLICK_AWS_SERVICE_URL"] = "not a url",
            ["FLICK_BUCKET_RAW"] = "Raw_Bucket",
            ["FLICK_BUCKET_SERIES"] = "clean",
            ["FLICK_QUEUE_RUNS"] = "runs queue!",
            ["FLICK_TABLE_PREFIX"] = "bad prefix",
            ["FLICK_STATE_MACHINE_ARN"] = "flick",
        }.GetValueOrDefault);

        var error = Should.Throw<InvalidOperationException>(options.Validate);

        error.Message.ShouldContain("Region ''");
        error.Message.ShouldContain("FLICK_AWS_SERVICE_URL 'not a url'");
        error.Message.ShouldContain("raw bucket 'Raw_Bucket'");
        // The series bucket took the clean bucket's name: both are named, each is ambiguous.
        error.Message.ShouldContain("series bucket 'clean'");
        error.Message.ShouldContain("clean bucket 'clean'");
        error.Message.ShouldContain("queue 'runs' maps to 'runs queue!'");
        error.Message.ShouldContain("TablePrefix 'bad prefix'");
        error.Message.ShouldContain("StateMachineArn 'flick'");
        options.Problems().Count().ShouldBe(8);
    }

    [Theory]
    [InlineData("pull-requests", "FLICK_QUEUE_PULL_REQUESTS")]
    [InlineData("ingest", "FLICK_QUEUE_INGEST")]
    public void QueueVariable_ShouldBeTheUpperCaseNameWithUnderscores(string logical, string expected) =>
        AwsOptions.QueueVariable(logical).ShouldBe(expected);
}
