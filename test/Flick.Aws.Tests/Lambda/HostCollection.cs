namespace Flick.Aws.Tests.Lambda;

/// <summary>
/// The tests that run a <c>LambdaHost</c> in this process run one at a time: a host exports each
/// invocation's trace id into the process environment, as Lambda's single host does.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "In-process Lambda host";
}
