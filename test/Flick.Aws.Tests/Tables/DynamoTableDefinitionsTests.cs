using Amazon.DynamoDBv2;
using Flick.Aws.Tables;

namespace Flick.Aws.Tests.Tables;

public sealed class DynamoTableDefinitionsTests
{
    [Fact]
    public void ToCreateTableRequest_WhenATableHasAnIndex_ShouldBillOnDemandAndDeclareEachKeyAttributeOnce()
    {
        var request = DynamoTableDefinitions.Runs.ToCreateTableRequest("flick-");

        request.TableName.ShouldBe("flick-runs");
        request.BillingMode.ShouldBe(BillingMode.PAY_PER_REQUEST);
        request.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)).ShouldBe([("pk", "HASH"), ("sk", "RANGE")]);
        request.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)).ShouldBe(
            [("pk", "S"), ("sk", "S"), ("series_id", "S"), ("created_key", "S")]);
        var index = request.GlobalSecondaryIndexes.ShouldHaveSingleItem();
        index.IndexName.ShouldBe("by-series");
        index.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)).ShouldBe([("series_id", "HASH"), ("created_key", "RANGE")]);
        index.Projection.ProjectionType.ShouldBe(ProjectionType.ALL);
        index.ProvisionedThroughput.ShouldBeNull();
    }

    [Fact]
    public void All_ShouldNameEveryTableOnceWithoutIndexesWhereNoneIsNeeded()
    {
        DynamoTableDefinitions.All.Select(t => t.Suffix).ShouldBe(["pulls", "runs", "viewers", "rankings", "profiles", "rollups"]);
        DynamoTableDefinitions.Viewers.ToCreateTableRequest("p-").GlobalSecondaryIndexes.ShouldBeNull();
        DynamoTableDefinitions.Pulls.ToCreateTableRequest("p-").KeySchema.ShouldHaveSingleItem().AttributeName.ShouldBe("pull_id");
    }
}
