using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Flick.Aws.Queues;

/// <summary>
/// Finds the URL of a logical queue and of its dead-letter queue, once each, and remembers them. A logical
/// queue maps to the name or URL that <see cref="AwsOptions.Queues"/> gives (else its own name); its dead-letter
/// queue is the target of its redrive policy, or <c>&lt;queue&gt;-dlq</c> when it has none.
/// </summary>
internal sealed class SqsQueueDirectory(IAmazonSQS sqs, IDictionary<string, string> configured)
{
    public const string DeadLetterSuffix = "-dlq";

    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _deadLetterUrls = new(StringComparer.Ordinal);

    public async Task<string> UrlOfAsync(string queue, CancellationToken cancellationToken)
    {
        if (_urls.TryGetValue(queue, out var url))
        {
            return url;
        }

        var target = configured.TryGetValue(queue, out var real) ? real : queue;
        url = IsUrl(target) ? target : await LookUpAsync(target, cancellationToken);
        return _urls.GetOrAdd(queue, url);
    }

    public async Task<string> DeadLetterUrlOfAsync(string queue, CancellationToken cancellationToken)
    {
        if (_deadLetterUrls.TryGetValue(queue, out var url))
        {
            return url;
        }

        var source = await UrlOfAsync(queue, cancellationToken);
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = source, AttributeNames = ["RedrivePolicy"] }, cancellationToken);
        var name = attributes.Attributes is { } found && found.TryGetValue("RedrivePolicy", out var policy)
            ? DeadLetterNameIn(policy)
            : NameOf(source) + DeadLetterSuffix;
        url = await LookUpAsync(name, cancellationToken);
        return _deadLetterUrls.GetOrAdd(queue, url);
    }

    /// <summary>The queue name at the end of the redrive policy's <c>deadLetterTargetArn</c> (<c>arn:aws:sqs:region:account:name</c>).</summary>
    internal static string DeadLetterNameIn(string redrivePolicy)
    {
        using var document = JsonDocument.Parse(redrivePolicy);
        var arn = document.RootElement.TryGetProperty("deadLetterTargetArn", out var target) ? target.GetString() : null;
        if (string.IsNullOrEmpty(arn) || arn.LastIndexOf(':') is var colon && colon < 0)
        {
            throw new InvalidOperationException($"the redrive policy '{redrivePolicy}' names no dead-letter queue ARN");
        }

        return arn[(colon + 1)..];
    }

    private async Task<string> LookUpAsync(string name, CancellationToken cancellationToken) =>
        (await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = name }, cancellationToken)).QueueUrl;

    private static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string NameOf(string url) => new Uri(url).Segments[^1].TrimEnd('/');
}
