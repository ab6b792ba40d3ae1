namespace Flick.Core.Ports;

/// <param name="ETag">A content hash in quotes, as S3 gives it for single-part objects.</param>
public sealed record ObjectInfo(string Bucket, string Key, long Size, string ETag, DateTimeOffset LastModified);
