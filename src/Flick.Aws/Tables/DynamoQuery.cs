using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Flick.Aws.Tables;

/// <summary>Queries that follow <c>LastEvaluatedKey</c> until the last page.</summary>
internal static class DynamoQuery
{
    public static async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAllAsync(
        this IAmazonDynamoDB client,
        QueryRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            if (response.LastEvaluatedKey is not { Count: > 0 } next)
            {
                yield break;
            }

            request.ExclusiveStartKey = next;
        }
    }

    /// <summary>The first <paramref name="limit"/> items, asking each page for no more than are still wanted.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryFirstAsync(
        this IAmazonDynamoDB client,
        QueryRequest request,
        int limit,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>(Math.Min(limit, 1_000));
        while (items.Count < limit)
        {
            request.Limit = Math.Min(limit - items.Count, pageSize ?? int.MaxValue);
            var response = await client.QueryAsync(request, cancellationToken);
            items.AddRange(response.Items ?? []);
            if (response.LastEvaluatedKey is not { Count: > 0 } next)
            {
                break;
            }

            request.ExclusiveStartKey = next;
        }

        return items;
    }

    public static async Task<List<Dictionary<string, AttributeValue>>> ToListAsync(
        this IAsyncEnumerable<Dictionary<string, AttributeValue>> items,
        CancellationToken cancellationToken)
    {
        var list = new List<Dictionary<string, AttributeValue>>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
