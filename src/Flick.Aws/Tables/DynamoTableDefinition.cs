using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Flick.Aws.Tables;

/// <summary>
/// One table of the clean/raw tables: what both the infrastructure stack and the tests create.
/// Every table is billed on demand.
/// </summary>
public sealed record DynamoTableDefinition(string Suffix, DynamoKey PartitionKey, DynamoKey? SortKey, IReadOnlyList<DynamoIndexDefinition> Indexes)
{
    /// <summary>The key attributes of the table and its indexes, each once.</summary>
    public IReadOnlyList<DynamoKey> AttributeDefinitions =>
        [.. new[] { PartitionKey, SortKey }
            .Concat(Indexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }))
            .OfType<DynamoKey>()
            .DistinctBy(k => k.Name, StringComparer.Ordinal)];

    public CreateTableRequest ToCreateTableRequest(string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(tablePrefix);
        return new CreateTableRequest
        {
            TableName = tablePrefix + Suffix,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = KeySchema(PartitionKey, SortKey),
            AttributeDefinitions = [.. AttributeDefinitions.Select(k => new AttributeDefinition(k.Name, k.Type))],
            GlobalSecondaryIndexes = Indexes.Count == 0
                ? null
                : [.. Indexes.Select(i => new GlobalSecondaryIndex
                {
                    IndexName = i.Name,
                    KeySchema = KeySchema(i.PartitionKey, i.SortKey),
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                })],
        };
    }

    private static List<KeySchemaElement> KeySchema(DynamoKey partitionKey, DynamoKey? sortKey) =>
        sortKey is null
            ? [new KeySchemaElement(partitionKey.Name, KeyType.HASH)]
            : [new KeySchemaElement(partitionKey.Name, KeyType.HASH), new KeySchemaElement(sortKey.Name, KeyType.RANGE)];
}
