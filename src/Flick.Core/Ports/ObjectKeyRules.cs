using System.Globalization;
using System.Text;
using Flick.Core.Domain;

namespace Flick.Core.Ports;

/// <summary>
/// The key rules of <see cref="IObjectStore"/>, which every adapter applies so that a key one stores
/// is never refused by another (S3 itself would accept nearly anything): a key is a relative path of
/// non-empty segments separated by '/', with no '.' or '..' segment, no control character or
/// backslash, at most 255 UTF-8 bytes per segment and 1024 per key, and not under
/// <see cref="ReservedFolder"/>. Such a key can never name anything outside its bucket folder.
/// </summary>
public static class ObjectKeyRules
{
    /// <summary>The S3 limit on a key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>The usual file-system limit on one file name, in bytes.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>The first segment the folder store keeps for its own files.</summary>
    public const string ReservedFolder = ".flick";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bucket names follow the series id rule: lower-case letters, digits and '-'.</summary>
    public static void ValidateBucket(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (!SeriesId.IsValid(bucket))
        {
            throw new ArgumentException($"bucket name '{Shown(bucket)}' is invalid: it must match ^[a-z0-9][a-z0-9-]{{0,62}}$", nameof(bucket));
        }
    }

    public static void ValidateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("object key is empty", nameof(key));
        }

        var problem = CharacterProblem(key) ?? SegmentsProblem(key.Split('/'));
        if (problem is not null)
        {
            throw new ArgumentException($"object key '{Shown(key)}' is invalid: {problem}", nameof(key));
        }
    }

    /// <summary>
    /// A prefix is a key cut anywhere: its complete segments follow the key rules, the last one may be
    /// partial (or empty, when the prefix ends with '/').
    /// </summary>
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

    /// <summary>Whether a key found in a listing is one the stores accept.</summary>
    public static bool IsValidKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > 0 && (CharacterProblem(key) ?? SegmentsProblem(key.Split('/'))) is null;
    }

    /// <summary>Whether a file or folder name found on disk can be a segment of a key.</summary>
    public static bool IsValidSegment(string name) =>
        name.Length > 0
        && name is not ("." or "..")
        && !name.Contains('/', StringComparison.Ordinal)
        && CharacterProblem(name) is null
        && Encoding.UTF8.GetByteCount(name) <= MaxSegmentBytes;

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
                return $"'{ReservedFolder}' is reserved for the store's own files";
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
