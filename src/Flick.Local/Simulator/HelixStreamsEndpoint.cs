using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Flick.Local.Simulator;

/// <summary><c>GET /helix/streams</c>: auth, rate limit, faults, then a page of the world's snapshot.</summary>
internal sealed class HelixStreamsEndpoint(
    SimulatorOptions options,
    SimulatedWorld world,
    SimulatedFaultQueue scripted,
    TimeProvider timeProvider)
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const int BytesPerMegabyte = 1024 * 1024;

    private readonly RateLimitBucket _bucket = new(options.RateLimitPerMinute, timeProvider);
    private readonly RandomFaults _random = new(options);
    private readonly SnapshotCache _snapshots = new(world);
    private long _requests;

    public long RequestCount => Interlocked.Read(ref _requests);

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        if (options.RequireAuth && Unauthorised(context.Request) is { } authError)
        {
            WriteRateLimit(response, _bucket.Peek());
            await WriteErrorAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized", authError, cancellationToken);
            return;
        }

        if (!_bucket.TryTake(out var rate))
        {
            WriteRateLimit(response, rate);
            await WriteErrorAsync(response, StatusCodes.Status429TooManyRequests, "Too Many Requests", "Rate limit exceeded; retry after Ratelimit-Reset.", cancellationToken);
            return;
        }

        var fault = scripted.TryDequeue(out var next) ? next : _random.Next();
        if (fault?.Kind == SimulatedFaultKind.TooManyRequests)
        {
            WriteRateLimit(response, _bucket.Exhaust(fault.Duration));
            await WriteErrorAsync(response, StatusCodes.Status429TooManyRequests, "Too Many Requests", "Rate limit exceeded; retry after Ratelimit-Reset.", cancellationToken);
            return;
        }

        WriteRateLimit(response, rate);
        if (fault?.Kind == SimulatedFaultKind.ServerError)
        {
            await WriteErrorAsync(response, StatusCodes.Status500InternalServerError, "Internal Server Error", "Simulated server error.", cancellationToken);
            return;
        }

        if (!StreamsQuery.TryParse(context.Request.Query, out var query, out var queryError) || !TryResolvePage(query!, out var minute, out var offset, out queryError))
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, "Bad Request", queryError, cancellationToken);
            return;
        }

        if (fault?.Kind == SimulatedFaultKind.Slow)
        {
            await Task.Delay(fault.Duration, timeProvider, cancellationToken);
        }

        await WritePageAsync(response, query!, minute, offset, fault, cancellationToken);
    }

    private async Task WritePageAsync(HttpResponse response, StreamsQuery query, long minute, int offset, SimulatedFault? fault, CancellationToken cancellationToken)
    {
        var streams = _snapshots.Get(minute, query);
        var page = streams.Skip(offset).Take(query.First).ToList();
        var next = offset + query.First < streams.Count ? new StreamsCursor(minute, offset + query.First, query.Filters).Encode() : null;
        switch (fault?.Kind)
        {
            case SimulatedFaultKind.CursorLoop:
                next = query.After ?? new StreamsCursor(minute, 0, query.Filters).Encode();
                break;
            case SimulatedFaultKind.EmptyData:
                (page, next) = ([], null);
                break;
            case SimulatedFaultKind.HugeBody:
                response.ContentType = JsonContentType;
                await HelixJson.WritePageAsync(response.Body, page, next, (long)fault.Megabytes * BytesPerMegabyte, cancellationToken);
                return;
        }

        var body = await HelixJson.PageAsync(page, next, cancellationToken);
        body = fault?.Kind switch
        {
            SimulatedFaultKind.Truncated => body[..(body.Length / 2)],
            // A complete body that is not JSON: every name/value separator is broken.
            SimulatedFaultKind.Malformed => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\":", "\"=", StringComparison.Ordinal)),
            _ => body,
        };
        await WriteBodyAsync(response, StatusCodes.Status200OK, body, cancellationToken);
    }

    /// <summary>A cursor pins the minute and the offset; it must come with the filters it was made for.</summary>
    private bool TryResolvePage(StreamsQuery query, out long minute, out int offset, out string error)
    {
        error = "";
        if (query.After is null)
        {
            minute = SimulatedWorld.MinuteOf(query.At ?? timeProvider.GetUtcNow()).ToUnixTimeSeconds();
            offset = 0;
            return true;
        }

        (minute, offset) = (0, 0);
        if (!StreamsCursor.TryDecode(query.After, out var cursor))
        {
            error = "The parameter \"after\" was malformed: invalid cursor.";
            return false;
        }

        if (cursor!.Filters != query.Filters)
        {
            error = "The cursor was made for other \"language\"/\"game_id\" filters.";
            return false;
        }

        if (query.At is { } at && SimulatedWorld.MinuteOf(at).ToUnixTimeSeconds() != cursor.MinuteUnixSeconds)
        {
            error = "The cursor was made for another \"at\" minute.";
            return false;
        }

        (minute, offset) = (cursor.MinuteUnixSeconds, cursor.Offset);
        return true;
    }

    private static string? Unauthorised(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Headers["Client-Id"]))
        {
            return "Client ID is missing.";
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > "Bearer ".Length
            ? null
            : "OAuth token is missing.";
    }

    private static void WriteRateLimit(HttpResponse response, RateLimitState state)
    {
        response.Headers["Ratelimit-Limit"] = state.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["Ratelimit-Remaining"] = state.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["Ratelimit-Reset"] = state.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    internal static Task WriteErrorAsync(HttpResponse response, int status, string error, string message, CancellationToken cancellationToken) =>
        WriteBodyAsync(response, status, HelixJson.Error(status, error, message), cancellationToken);

    private static async Task WriteBodyAsync(HttpResponse response, int status, byte[] body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }
}
