using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Flick.Core.Semantics;

namespace Flick.Aws.Tables;

/// <summary>
/// Channel profiles, one item per (series, user id). A merge reads the stored profiles of the batch
/// (BatchGetItem), merges each with <see cref="ProfileMerge"/> and writes it back only if its revision
/// is still the one read; a write that lost to a concurrent merge re-reads that profile and merges
/// again. ProfileMerge is commutative and idempotent, so the outcome does not depend on who wins.
/// </summary>
public sealed class DynamoChannelProfileStore : IChannelProfileStore
{
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoTablesOptions _options;
    private readonly DynamoBatch _batch;
    private readonly string _table;

    public DynamoChannelProfileStore(IAmazonDynamoDB client, DynamoTablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Validate();
        _batch = new DynamoBatch(client, options);
        _table = options.TableName(DynamoTableDefinitions.Profiles);
    }

    public async Task MergeAsync(string seriesId, IReadOnlyList<ChannelProfile> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(updates);
        var batch = new Dictionary<string, ChannelProfile>(StringComparer.Ordinal);
        foreach (var update in updates)
        {
            batch[update.UserId] = batch.TryGetValue(update.UserId, out var seen) ? ProfileMerge.Merge(seen, update) : update;
        }

        if (batch.Count == 0)
        {
            return;
        }

        var stored = (await _batch.GetAsync(_table, batch.Keys.Select(id => Attr.Key(seriesId, id)), cancellationToken))
            .ToDictionary(i => i.GetS(DynamoTableDefinitions.SortKey), Stored, StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            batch.Values,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            (update, ct) => new ValueTask(MergeOneAsync(seriesId, update, stored.GetValueOrDefault(update.UserId), ct)));
    }

    public async Task<ChannelProfile?> GetAsync(string seriesId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(userId);
        return (await ReadAsync(seriesId, userId, cancellationToken))?.Profile;
    }

    /// <summary>
    /// Reads the whole series partition, letting DynamoDB filter on the lower-cased login and name
    /// (<c>contains</c> is plain text: '%' and '_' match themselves), and orders the matches here.
    /// The cost is O(channels of the series) read units per search, not O(matches): fine for a
    /// dashboard whose searches are cached and whose series hold some ten thousand channels.
    /// </summary>
    public async Task<IReadOnlyList<ChannelProfile>> SearchAsync(string seriesId, string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var request = new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = DynamoTableDefinitions.PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = Attr.S(seriesId) },
            ConsistentRead = true,
            Limit = _options.QueryPageSize,
        };
        if (text.Length > 0)
        {
            request.FilterExpression = "contains(#login, :text) OR contains(#name, :text)";
            request.ExpressionAttributeNames["#login"] = ProfileItems.SearchLogin;
            request.ExpressionAttributeNames["#name"] = ProfileItems.SearchName;
            request.ExpressionAttributeValues[":text"] = Attr.S(ProfileItems.Folded(text));
        }

        var matches = new List<ChannelProfile>();
        await foreach (var item in _client.QueryAllAsync(request, cancellationToken))
        {
            matches.Add(ProfileItems.FromItem(item));
        }

        return [.. matches.OrderByDescending(p => p.PeakViewers).ThenBy(p => p.UserId, StringComparer.Ordinal).Take(limit)];
    }

    private async Task MergeOneAsync(string seriesId, ChannelProfile update, StoredProfile? stored, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var merged = stored is null ? update : ProfileMerge.Merge(stored.Profile, update);
            if (merged == stored?.Profile)
            {
                return;
            }

            try
            {
                await _client.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = _table,
                        Item = ProfileItems.ToItem(seriesId, merged, (stored?.Revision ?? 0) + 1),
                        ConditionExpression = stored is null ? "attribute_not_exists(#sk)" : "#rev = :rev",
                        ExpressionAttributeNames = stored is null
                            ? new() { ["#sk"] = DynamoTableDefinitions.SortKey }
                            : new() { ["#rev"] = ProfileItems.Revision },
                        ExpressionAttributeValues = stored is null ? null : new() { [":rev"] = Attr.N(stored.Revision) },
                    },
                    cancellationToken);
                return;
            }
            catch (ConditionalCheckFailedException) when (attempt < _options.MaxMergeAttempts)
            {
                // Another merge wrote this profile since it was read: merge again onto what it wrote, after a
                // short, jittered pause (the competing write is done; only the next one may collide).
                await DynamoRetry.DelayAsync(attempt, _options.RetryBaseDelay, _options.RetryBaseDelay * 4, cancellationToken);
                stored = await ReadAsync(seriesId, update.UserId, cancellationToken);
            }
        }
    }

    private async Task<StoredProfile?> ReadAsync(string seriesId, string userId, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = Attr.Key(seriesId, userId), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? Stored(item) : null;
    }

    private static StoredProfile Stored(Dictionary<string, AttributeValue> item) =>
        new(ProfileItems.FromItem(item), item.GetN(ProfileItems.Revision));

    private sealed record StoredProfile(ChannelProfile Profile, long Revision);
}
