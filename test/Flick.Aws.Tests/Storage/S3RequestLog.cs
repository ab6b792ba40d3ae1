using System.Collections.Concurrent;
using Amazon.Runtime;

namespace Flick.Aws.Tests.Storage;

/// <summary>The requests a client has had answered, by type, as the SDK reports them after each response.</summary>
internal sealed class S3RequestLog
{
    private readonly ConcurrentQueue<Type> _answered = new();

    public S3RequestLog(AmazonServiceClient client) =>
        client.AfterResponseEvent += (_, e) =>
        {
            if (e is WebServiceResponseEventArgs { Request: { } request })
            {
                _answered.Enqueue(request.GetType());
            }
        };

    public int Count<TRequest>() => _answered.Count(t => t == typeof(TRequest));
}
