namespace Flick.Aws.Lambda;

/// <summary>
/// A function the host serves: the event's JSON in, the result's JSON out. An exception becomes an
/// invocation error whose type is the exception's type name. The token fires shortly before the deadline.
/// </summary>
public delegate Task<string> LambdaFunction(string payload, LambdaContext context, CancellationToken cancellationToken);
