namespace Flick.Aws.Tables;

/// <summary>A batch request left items or keys unprocessed after every allowed attempt.</summary>
public sealed class DynamoBatchException(string message) : Exception(message);
