using Amazon.DynamoDBv2.Model;
using Flick.Aws.Tables;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoBatchTests(DynamoTablesFixture tables) : IClassFixture<DynamoTablesFixture>, IDisposable
{
    private readonly ProbeDynamoClient _probe = new();
    private readonly string _partition = "batch-" + Guid.NewGuid().ToString("N");

    private string Table => tables.Prefix + DynamoTableDefinitions.Rankings.Suffix;

    public void Dispose() => _probe.Dispose();

    [Fact]
    public async Task WriteAsync_WhenAnswersLeaveItemsUnprocessed_ShouldSendThemAgainUntilEveryItemIsStored()
    {
        var batch = new DynamoBatch(_probe, tables.Options);
        _probe.AnswerBatchesInPart(3);

        await batch.WriteAsync(Table, Items(60).Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }), CancellationToken.None);

        (await CountStoredAsync()).ShouldBe(60);
        // 60 items are requests of 25, 25 and 10. The first is answered in part three times:
        // 12 of 25 stored, then 6 of the 13 left, then 3 of the 7 left, then the last 4: four calls.
        _probe.BatchWrites.ShouldBe(4 + 1 + 1);
    }

    [Fact]
    public async Task WriteAsync_WhenItemsStayUnprocessed_ShouldFailWithTheCountAfterTheAllowedAttempts()
    {
        var batch = new DynamoBatch(_probe, tables.Options with { MaxBatchAttempts = 4 });
        _probe.AnswerBatchesInPart(1_000);

        var error = await Should.ThrowAsync<DynamoBatchException>(() =>
            batch.WriteAsync(Table, Items(16).Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }), CancellationToken.None));

        // 16 → 8 stored, 8 left → 4 left → 2 left → 1 left after the fourth attempt.
        error.Message.ShouldBe($"BatchWriteItem left 1 items of table {Table} unprocessed after 4 attempts");
        _probe.BatchWrites.ShouldBe(4);
    }

    [Fact]
    public async Task GetAsync_WhenAnswersLeaveKeysUnprocessed_ShouldAskAgainAndReturnEveryItem()
    {
        var items = Items(150);
        await new DynamoBatch(tables.Client, tables.Options).WriteAsync(Table, items.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }), CancellationToken.None);
        var batch = new DynamoBatch(_probe, tables.Options);
        _probe.AnswerBatchesInPart(2);

        var read = await batch.GetAsync(Table, items.Select(i => Attr.Key(i["pk"].S, i["sk"].S)), CancellationToken.None);

        read.Select(i => i["sk"].S).Order(StringComparer.Ordinal).ShouldBe(items.Select(i => i["sk"].S));
        // Keys go 100 then 50. The first 100 are answered in part twice (50 read, then 25 of 50), then the last 25.
        _probe.BatchGets.ShouldBe(3 + 1);
    }

    [Fact]
    public async Task GetAsync_WhenKeysStayUnprocessed_ShouldFailAfterTheAllowedAttempts()
    {
        var batch = new DynamoBatch(_probe, tables.Options with { MaxBatchAttempts = 2 });
        _probe.AnswerBatchesInPart(1_000);

        var error = await Should.ThrowAsync<DynamoBatchException>(() =>
            batch.GetAsync(Table, Items(8).Select(i => Attr.Key(i["pk"].S, i["sk"].S)), CancellationToken.None));

        error.Message.ShouldBe($"BatchGetItem left 2 keys of table {Table} unprocessed after 2 attempts");
    }

    private async Task<int> CountStoredAsync()
    {
        var request = new QueryRequest
        {
            TableName = Table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = _partition } },
            ConsistentRead = true,
        };
        return (await tables.Client.QueryAllAsync(request, CancellationToken.None).ToListAsync(CancellationToken.None)).Count;
    }

    private List<Dictionary<string, AttributeValue>> Items(int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var item = Attr.Key(_partition, i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            item["payload"] = new AttributeValue { S = new string('x', 100) };
            return item;
        })];
}
