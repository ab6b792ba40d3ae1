using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Flick.Core.Domain;

namespace Flick.Core.Parsing;

/// <summary>
/// Collects the fields of one stream object as its tokens arrive (the object may span several
/// buffer refills), then validates it per DESIGN §3. Reused for every stream of a parse.
/// </summary>
/// <remarks>
/// Decisions beyond DESIGN §3: <c>null</c> counts as missing everywhere (so a null <c>type</c> is kept);
/// an empty <c>type</c> is present and not <c>live</c>, so it is refused; a <c>user_id</c> that is not a
/// string (a number, say) is refused as <c>wrong-type</c> rather than converted, because the text of a
/// number is not a reliable identity ("0123" vs 123, precision); the same holds for any kept field of
/// the wrong JSON type and for a <c>started_at</c> that is not RFC 3339 (an empty one is no start time).
/// When a stream has several problems the first of user id, viewer count, type, other fields is reported.
/// </remarks>
internal sealed class StreamAccumulator(StringPool pool)
{
    private const string ViewerRange = "an integer in 0..2147483647";
    private const string MissingViewerCount = "viewer_count is missing; it must be " + ViewerRange;
    private const int MaxShownLength = 40;

    private string? _id;
    private string? _userId;
    private string? _userLogin;
    private string? _userName;
    private string? _gameId;
    private string? _gameName;
    private string? _title;
    private string? _language;
    private DateTimeOffset? _startedAt;
    private bool _isMature;
    private int _viewerCount;
    private string? _viewerProblem;
    private string? _userIdProblem;
    private string? _typeProblem;
    private string? _fieldProblem;

    /// <summary>The stream's user id, when it was a string (for a rejection).</summary>
    public string? UserId => string.IsNullOrEmpty(_userId) ? null : _userId;

    public void Reset()
    {
        _id = _userId = _userLogin = _userName = _gameId = _gameName = _title = _language = null;
        _startedAt = null;
        _isMature = false;
        _viewerCount = 0;
        _viewerProblem = MissingViewerCount;
        _userIdProblem = _typeProblem = _fieldProblem = null;
    }

    /// <summary>Takes the value token of <paramref name="field"/>; a container value is skipped by the caller.</summary>
    public void Assign(Property field, ref Utf8JsonReader reader)
    {
        switch (field)
        {
            case Property.Id: _id = Text(ref reader, "id", intern: false); break;
            case Property.UserId: AssignUserId(ref reader); break;
            case Property.UserLogin: _userLogin = Text(ref reader, "user_login", intern: false); break;
            case Property.UserName: _userName = Text(ref reader, "user_name", intern: false); break;
            case Property.GameId: _gameId = Text(ref reader, "game_id", intern: true); break;
            case Property.GameName: _gameName = Text(ref reader, "game_name", intern: true); break;
            case Property.Title: _title = Text(ref reader, "title", intern: false); break;
            case Property.Language: _language = Text(ref reader, "language", intern: true); break;
            case Property.ViewerCount: AssignViewerCount(ref reader); break;
            case Property.Type: AssignType(ref reader); break;
            case Property.StartedAt: AssignStartedAt(ref reader); break;
            case Property.IsMature: AssignIsMature(ref reader); break;
            default: break;
        }
    }

    /// <summary>The observation, or the code and reason of the first rule it breaks.</summary>
    public bool TryBuild(DateTimeOffset at, [NotNullWhen(true)] out Observation? observation, out string code, out string reason)
    {
        observation = null;
        (code, reason) = FirstProblem();
        if (code.Length > 0)
        {
            return false;
        }

        observation = new Observation
        {
            UserId = _userId!,
            UserLogin = _userLogin ?? string.Empty,
            UserName = _userName ?? string.Empty,
            GameId = _gameId ?? string.Empty,
            GameName = _gameName ?? string.Empty,
            StreamId = _id ?? string.Empty,
            Title = _title ?? string.Empty,
            Language = _language ?? string.Empty,
            ViewerCount = _viewerCount,
            StartedAt = _startedAt,
            IsMature = _isMature,
            At = at,
        };
        return true;
    }

    private (string Code, string Reason) FirstProblem()
    {
        if (_userIdProblem is not null)
        {
            return (RejectionCodes.WrongType, _userIdProblem);
        }

        if (string.IsNullOrEmpty(_userId))
        {
            return (RejectionCodes.MissingUserId, _userId is null ? "the stream has no user_id" : "the stream's user_id is empty");
        }

        return (_viewerProblem, _typeProblem, _fieldProblem) switch
        {
            ({ } problem, _, _) => (RejectionCodes.InvalidViewerCount, problem),
            (_, { } problem, _) => (RejectionCodes.NotLive, problem),
            (_, _, { } problem) => (RejectionCodes.WrongType, problem),
            _ => (string.Empty, string.Empty),
        };
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    private static string Shown(string text) => text.Length > MaxShownLength ? text[..MaxShownLength] + "…" : text;

    private string? Text(ref Utf8JsonReader reader, string name, bool intern)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return intern ? pool.Get(ref reader) : reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                _fieldProblem ??= $"{name} is {Describe(reader.TokenType)}; it must be a string";
                return null;
        }
    }

    private void AssignUserId(ref Utf8JsonReader reader)
    {
        var token = reader.TokenType;
        _userId = token == JsonTokenType.String ? reader.GetString() : null;
        _userIdProblem = token is JsonTokenType.String or JsonTokenType.Null
            ? null
            : $"user_id is {Describe(token)}; it must be a string";
    }

    private void AssignViewerCount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count) && count >= 0)
        {
            _viewerCount = count;
            _viewerProblem = null;
            return;
        }

        _viewerProblem = reader.TokenType == JsonTokenType.Number
            ? $"viewer_count {Shown(Encoding.UTF8.GetString(reader.ValueSpan))} is not {ViewerRange}"
            : $"viewer_count is {Describe(reader.TokenType)}; it must be {ViewerRange}";
    }

    private void AssignType(ref Utf8JsonReader reader)
    {
        _typeProblem = reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String when reader.ValueTextEquals("live"u8) => null,
            JsonTokenType.String => $"type is '{Shown(reader.GetString()!)}', not '{MetricConstants.LiveType}'",
            _ => $"type is {Describe(reader.TokenType)}, not '{MetricConstants.LiveType}'",
        };
    }

    private void AssignStartedAt(ref Utf8JsonReader reader)
    {
        _startedAt = null;
        if (reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty))
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            _fieldProblem ??= $"started_at is {Describe(reader.TokenType)}; it must be an RFC 3339 string";
        }
        else if (Rfc3339.TryParse(ref reader, out var startedAt))
        {
            _startedAt = startedAt;
        }
        else
        {
            _fieldProblem ??= $"started_at '{Shown(reader.GetString()!)}' is not an RFC 3339 time";
        }
    }

    private void AssignIsMature(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: _isMature = true; break;
            case JsonTokenType.False or JsonTokenType.Null: _isMature = false; break;
            default: _fieldProblem ??= $"is_mature is {Describe(reader.TokenType)}; it must be a boolean"; break;
        }
    }
}
