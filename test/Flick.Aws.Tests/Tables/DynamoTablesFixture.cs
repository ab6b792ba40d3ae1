using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Aws.Tables;

namespace Flick.Aws.Tests.Tables;

/// <summary>
/// Every table of <see cref="DynamoTableDefinitions"/> under a prefix of its own, created once per
/// test class and deleted after it. Tests of a class share the tables and so write under names of
/// their own.
/// </summary>
public sealed class DynamoTablesFixture : IAsyncLifetime
{
    public AmazonDynamoDBClient Client { get; } = DynamoEmulator.CreateClient();

    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10] + "-";

    /// <summary>
    /// Pages of two items, so that every read crosses pages; short backoffs, so that retries are quick.
    /// </summary>
    public DynamoTablesOptions Options => new()
    {
        TablePrefix = Prefix,
        QueryPageSize = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        SlotLeaseDuration = TimeSpan.FromSeconds(30),
    };

    public Task InitializeAsync() => CreateTablesAsync(Client, Prefix);

    public async Task DisposeAsync()
    {
        foreach (var table in DynamoTableDefinitions.All)
        {
            await Client.DeleteTableAsync(new DeleteTableRequest { TableName = Prefix + table.Suffix });
        }

        Client.Dispose();
    }

    public static async Task CreateTablesAsync(IAmazonDynamoDB client, string prefix)
    {
        await Task.WhenAll(DynamoTableDefinitions.All.Select(t => client.CreateTableAsync(t.ToCreateTableRequest(prefix))));
        foreach (var table in DynamoTableDefinitions.All)
        {
            // Tables are usable once ACTIVE (dynalite keeps them CREATING for half a second).
            for (var attempt = 0; ; attempt++)
            {
                var description = await client.DescribeTableAsync(new DescribeTableRequest { TableName = prefix + table.Suffix });
                if (description.Table.TableStatus == TableStatus.ACTIVE)
                {
                    break;
                }

                if (attempt == 300)
                {
                    throw new TimeoutException($"table {prefix}{table.Suffix} did not become active");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
