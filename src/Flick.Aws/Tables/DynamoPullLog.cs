using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain.Pulls;
using Flick.Core.Ports;

namespace Flick.Aws.Tables;

/// <summary>
/// The raw table: one item per pull id. The index <see cref="DynamoTableDefinitions.PullsBySource"/>
/// sorts a source's pulls by <c>started_key</c> = start time (fixed-width UTC text) + '#' + pull id,
/// so reading it backwards gives newest first, then pull id descending, as the port orders them.
/// Like every global secondary index, it is eventually consistent in AWS: a pull just written may
/// appear in <see cref="ListAsync"/> a moment later.
/// </summary>
public sealed class DynamoPullLog : IPullLog
{
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoTablesOptions _options;
    private readonly string _table;

    public DynamoPullLog(IAmazonDynamoDB client, DynamoTablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Validate();
        _table = options.TableName(DynamoTableDefinitions.Pulls);
    }

    public async Task PutAsync(PullRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            ["pull_id"] = Attr.S(record.PullId),
            ["source"] = Attr.S(record.Source),
            ["started_key"] = Attr.S(Attr.Text(record.StartedAt) + "#" + record.PullId),
            ["series_id"] = Attr.S(record.SeriesId),
            ["at"] = Attr.Time(record.At),
            ["started_at"] = Attr.Time(record.StartedAt),
            ["finished_at"] = Attr.Time(record.FinishedAt),
            ["pages"] = Attr.N(record.Pages),
            ["bytes"] = Attr.N(record.Bytes),
            ["streams"] = Attr.N(record.Streams),
            ["sha256"] = Attr.S(record.Sha256),
            ["status"] = Attr.S(record.Status.ToString()),
            ["manifest_key"] = Attr.S(record.ManifestKey),
            ["complete"] = Attr.Bool(record.Complete),
        };
        item.SetOptional("error", record.Error);
        await _client.PutItemAsync(new PutItemRequest { TableName = _table, Item = item }, cancellationToken);
    }

    public async Task<PullRecord?> GetAsync(string pullId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullId);
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = new() { ["pull_id"] = Attr.S(pullId) }, ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    public async Task<IReadOnlyList<PullRecord>> ListAsync(string source, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var request = new QueryRequest
        {
            TableName = _table,
            IndexName = DynamoTableDefinitions.PullsBySource,
            KeyConditionExpression = "#source = :source",
            ExpressionAttributeNames = new() { ["#source"] = "source" },
            ExpressionAttributeValues = new() { [":source"] = Attr.S(source) },
            ScanIndexForward = false,
        };
        var items = await _client.QueryFirstAsync(request, limit, _options.QueryPageSize, cancellationToken);
        return [.. items.Select(Read)];
    }

    private static PullRecord Read(Dictionary<string, AttributeValue> item) => new()
    {
        PullId = item.GetS("pull_id"),
        Source = item.GetS("source"),
        SeriesId = item.GetS("series_id"),
        At = item.GetTime("at"),
        StartedAt = item.GetTime("started_at"),
        FinishedAt = item.GetTime("finished_at"),
        Pages = item.GetInt("pages"),
        Bytes = item.GetN("bytes"),
        Streams = item.GetInt("streams"),
        Sha256 = item.GetS("sha256"),
        Status = Enum.Parse<PullStatus>(item.GetS("status")),
        Error = item.GetOptionalS("error"),
        ManifestKey = item.GetS("manifest_key"),
        Complete = item.GetBool("complete"),
    };
}
