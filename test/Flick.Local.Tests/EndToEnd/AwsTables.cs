using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Aws.Tables;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>Every table of <see cref="DynamoTableDefinitions"/> under a prefix of its own, in the emulator.</summary>
internal static class AwsTables
{
    public static async Task CreateAsync(IAmazonDynamoDB client, string prefix, CancellationToken ct)
    {
        await Task.WhenAll(DynamoTableDefinitions.All.Select(t => client.CreateTableAsync(t.ToCreateTableRequest(prefix), ct)));
        foreach (var table in DynamoTableDefinitions.All)
        {
            // Tables are usable once ACTIVE (dynalite keeps them CREATING for a moment).
            while ((await client.DescribeTableAsync(new DescribeTableRequest { TableName = prefix + table.Suffix }, ct)).Table.TableStatus != TableStatus.ACTIVE)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    public static async Task DeleteAsync(IAmazonDynamoDB client, string prefix)
    {
        foreach (var table in DynamoTableDefinitions.All)
        {
            await client.DeleteTableAsync(new DeleteTableRequest { TableName = prefix + table.Suffix });
        }
    }
}
