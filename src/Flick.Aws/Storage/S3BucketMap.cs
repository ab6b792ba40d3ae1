using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Pipeline.Layout;

namespace Flick.Aws.Storage;

/// <summary>
/// Turns the bucket a caller names into the real S3 bucket. A logical role (<c>raw</c>, <c>series</c>,
/// <c>clean</c>) maps to its configured name; a configured real name passes as it is, because the handlers
/// in AWS are configured with the real names (they compare them with the bucket of S3 events). Any other name
/// must follow the folder store's bucket rule, so that both adapters refuse the same names.
/// </summary>
internal sealed class S3BucketMap(BucketNames names)
{
    public string Resolve(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var real = bucket switch
        {
            Buckets.Raw => names.Raw,
            Buckets.Series => names.Series,
            Buckets.Clean => names.Clean,
            _ when bucket == names.Raw || bucket == names.Series || bucket == names.Clean => bucket,
            _ => null,
        };
        if (real is not null)
        {
            return real;
        }

        if (!SeriesId.IsValid(bucket))
        {
            var shown = bucket.Length > 60 ? bucket[..60] + "…" : bucket;
            throw new ArgumentException($"bucket name '{shown}' is invalid: it must match ^[a-z0-9][a-z0-9-]{{0,62}}$ or be a configured bucket", nameof(bucket));
        }

        return bucket;
    }
}
