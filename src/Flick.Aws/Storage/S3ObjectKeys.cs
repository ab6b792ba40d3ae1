using System.Globalization;
using System.Text;

namespace Flick.Aws.Storage;

/// <summary>
/// The key rules of the folder store, applied to S3 as well. S3 itself accepts nearly any UTF-8 key
/// (<c>..</c>, <c>//</c>, a leading '/'), but a key that one adapter stores and the other refuses would
/// make the embedded run and the AWS run drift, so both refuse the same keys: a relative path of
/// non-empty segments separated by '/', no '.' or '..' segment, no control character or backslash,
/// at most 255 UTF-8 bytes per segment and 1024 per key, and not under the folder store's <c>.flick/</c>.
/// The object store contract suite runs the same invalid keys against both adapters.
/// </summary>
internal static class S3ObjectKeys
{
    /// <summary>The S3 limit on a key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>The folder store's limit on one segment (a file name), in UTF-8 bytes.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>The first segment the folder store keeps for its own files.</summary>
    public const string ReservedFolder = ".flick";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void ValidateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("object key is empty", nameof(key));
        }

        if (KeyProblem(key) is { } problem)
        {
            throw new ArgumentException($"object key '{Shown(key)}' is invalid: {problem}", nameof(key));
        }
    }

    /// <summary>Whether a key found in a listing is one this store would accept.</summary>
    public static bool IsValidKey(string key) => key.Length > 0 && KeyProblem(key) is null;

    /// <summary>A prefix is a key cut anywhere: its complete segments follow the key rules, the last one may be partial.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return;
        }

        var segments = prefix.Split('/');
        var problem = CharacterProblem(prefix) ?? SegmentsProblem(segments.AsSpan(0, segments.Length - 1));
        if (problem is not null)
        {
            throw new ArgumentException($"prefix '{Shown(prefix)}' is invalid: {problem}", nameof(prefix));
        }
    }

    private static string? KeyProblem(string key) => CharacterProblem(key) ?? SegmentsProblem(key.Split('/'));

    private static string? CharacterProblem(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }

            if (c == '\\')
            {
                return "it contains a backslash; use '/' to separate segments";
            }
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return "it is not valid Unicode (unpaired surrogate)";
        }

        if (bytes > MaxKeyBytes)
        {
            return $"it is {bytes} bytes long in UTF-8; at most {MaxKeyBytes} are allowed";
        }

        return text[0] == '/' ? "it is an absolute path; keys are relative to their bucket" : null;
    }

    private static string? SegmentsProblem(ReadOnlySpan<string> segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                return "it has an empty segment ('//' or a trailing '/')";
            }

            if (segment is "." or "..")
            {
                return $"it has a '{segment}' segment";
            }

            if (i == 0 && segment == ReservedFolder)
            {
                return $"'{ReservedFolder}' is reserved (the folder store keeps its own files there)";
            }

            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return $"a segment is longer than {MaxSegmentBytes} bytes";
            }
        }

        return null;
    }

    private static string Shown(string text)
    {
        var shown = text.Length > 60 ? text[..60] + "…" : text;
        var builder = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
