using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;

namespace Flick.Aws.Tables;

/// <summary>
/// Run records and step marks. A run's partition <c>run#&lt;id&gt;</c> holds the record (sort key
/// <c>run</c>) and one item per slot (<c>slot#&lt;slot&gt;</c>) whose string set of finished steps grows
/// with <c>ADD</c>, which is idempotent. The record carries <c>series_id</c> and <c>created_key</c>
/// (creation time + '#' + run id) for the index <see cref="DynamoTableDefinitions.RunsBySeries"/>;
/// the partition <c>series</c> lists each series once, sorted by id, for <see cref="ListSeriesAsync"/>.
/// A series stays listed once it had a run, even if its only run record were later rewritten under
/// another series (run ids are derived from their series, so that does not happen).
/// </summary>
public sealed class DynamoRunStore : IRunStore
{
    private const string RecordKey = "run";
    private const string SeriesPartition = "series";
    private const string SlotPrefix = "slot#";

    private readonly IAmazonDynamoDB _client;
    private readonly DynamoTablesOptions _options;
    private readonly string _table;

    public DynamoRunStore(IAmazonDynamoDB client, DynamoTablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Validate();
        _table = options.TableName(DynamoTableDefinitions.Runs);
    }

    public async Task PutAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        // The series first: a listed series with no run yet is harmless, a run whose series is not listed is not.
        await _client.PutItemAsync(new PutItemRequest { TableName = _table, Item = Attr.Key(SeriesPartition, run.SeriesId) }, cancellationToken);
        var item = Attr.Key(RunPartition(run.RunId), RecordKey);
        item["run_id"] = Attr.S(run.RunId);
        item["series_id"] = Attr.S(run.SeriesId);
        item["created_key"] = Attr.S(Attr.Text(run.CreatedAt) + "#" + run.RunId);
        item["status"] = Attr.S(run.Status.ToString());
        item["from"] = Attr.Slot(run.From);
        item["to"] = Attr.Slot(run.To);
        item["slots"] = Attr.N(run.Slots);
        item["observations"] = Attr.N(run.Observations);
        item["rejected"] = Attr.N(run.Rejected);
        item["reason"] = Attr.S(run.Reason);
        item["created_at"] = Attr.Time(run.CreatedAt);
        item.SetOptional("started_at", run.StartedAt is { } started ? Attr.Text(started) : null);
        item.SetOptional("finished_at", run.FinishedAt is { } finished ? Attr.Text(finished) : null);
        item.SetOptional("error", run.Error);
        await _client.PutItemAsync(new PutItemRequest { TableName = _table, Item = item }, cancellationToken);
    }

    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = Attr.Key(RunPartition(runId), RecordKey), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    public async Task<IReadOnlyList<RunRecord>> ListAsync(string seriesId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var request = new QueryRequest
        {
            TableName = _table,
            IndexName = DynamoTableDefinitions.RunsBySeries,
            KeyConditionExpression = "series_id = :series",
            ExpressionAttributeValues = new() { [":series"] = Attr.S(seriesId) },
            ScanIndexForward = false,
        };
        var items = await _client.QueryFirstAsync(request, limit, _options.QueryPageSize, cancellationToken);
        return [.. items.Select(Read)];
    }

    public async Task<IReadOnlyList<string>> ListSeriesAsync(CancellationToken cancellationToken)
    {
        var items = await _client.QueryAllAsync(PartitionQuery(SeriesPartition), cancellationToken).ToListAsync(cancellationToken);
        return [.. items.Select(i => i.GetS(DynamoTableDefinitions.SortKey))];
    }

    public async Task MarkStepDoneAsync(string runId, Slot slot, string step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentException.ThrowIfNullOrEmpty(step);
        await _client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = _table,
                Key = Attr.Key(RunPartition(runId), SlotPrefix + slot),
                UpdateExpression = "ADD steps :step",
                ExpressionAttributeValues = new() { [":step"] = Attr.Ss([step]) },
            },
            cancellationToken);
    }

    /// <exception cref="ArgumentException"><paramref name="steps"/> is empty: "all of no steps" has no useful answer.</exception>
    public async Task<int> CountSlotsDoneAsync(string runId, IReadOnlyCollection<string> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(steps);
        var wanted = steps.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            throw new ArgumentException("at least one step is needed", nameof(steps));
        }

        var request = PartitionQuery(RunPartition(runId));
        request.KeyConditionExpression += " AND begins_with(sk, :prefix)";
        request.ExpressionAttributeValues[":prefix"] = Attr.S(SlotPrefix);
        request.ProjectionExpression = "steps";
        var count = 0;
        await foreach (var item in _client.QueryAllAsync(request, cancellationToken))
        {
            if (wanted.IsSubsetOf(item.GetSs("steps")))
            {
                count++;
            }
        }

        return count;
    }

    private QueryRequest PartitionQuery(string partition) => new()
    {
        TableName = _table,
        KeyConditionExpression = "pk = :pk",
        ExpressionAttributeValues = new() { [":pk"] = Attr.S(partition) },
        ConsistentRead = true,
        Limit = _options.QueryPageSize,
    };

    private static string RunPartition(string runId) => "run#" + runId;

    private static RunRecord Read(Dictionary<string, AttributeValue> item) => new()
    {
        RunId = item.GetS("run_id"),
        SeriesId = item.GetS("series_id"),
        Status = Enum.Parse<RunStatus>(item.GetS("status")),
        From = item.GetSlot("from"),
        To = item.GetSlot("to"),
        Slots = item.GetInt("slots"),
        Observations = item.GetN("observations"),
        Rejected = item.GetN("rejected"),
        Reason = item.GetS("reason"),
        CreatedAt = item.GetTime("created_at"),
        StartedAt = item.GetOptionalTime("started_at"),
        FinishedAt = item.GetOptionalTime("finished_at"),
        Error = item.GetOptionalS("error"),
    };
}
