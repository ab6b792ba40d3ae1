namespace Flick.Aws.Tables;

/// <summary>A global secondary index; every index projects all attributes.</summary>
public sealed record DynamoIndexDefinition(string Name, DynamoKey PartitionKey, DynamoKey? SortKey);
