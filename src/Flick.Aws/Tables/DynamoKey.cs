using Amazon.DynamoDBv2;

namespace Flick.Aws.Tables;

/// <summary>A key attribute of a table or an index: its name and scalar type.</summary>
public sealed record DynamoKey(string Name, ScalarAttributeType Type)
{
    public static DynamoKey Text(string name) => new(name, ScalarAttributeType.S);
}
