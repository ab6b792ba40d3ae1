using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Flick.Local.Simulator;

/// <summary>
/// <c>POST /sim/faults</c> <c>{"fault":"server-error","count":2}</c> scripts faults over HTTP, for
/// tests that drive the whole process. Optional fields: <c>seconds</c> (slow, too-many-requests)
/// and <c>megabytes</c> (huge-body). <c>DELETE /sim/faults</c> clears the script.
/// </summary>
internal sealed class SimulatorControlEndpoint(SimulatedFaultQueue faults)
{
    private const int MaxCount = 10_000;

    public async Task EnqueueAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            await BadRequestAsync(context, "The body must be a JSON object.");
            return;
        }

        using (document)
        {
            if (!TryRead(document.RootElement, out var fault, out var count, out var error))
            {
                await BadRequestAsync(context, error);
                return;
            }

            faults.Enqueue(fault!, count);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(
            string.Create(CultureInfo.InvariantCulture, $"{{\"queued\":{faults.Count}}}"), cancellationToken);
    }

    public Task ClearAsync(HttpContext context)
    {
        faults.Clear();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static bool TryRead(JsonElement root, out SimulatedFault? fault, out int count, out string error)
    {
        (fault, count, error) = (null, 1, "");
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("fault", out var name) || name.ValueKind != JsonValueKind.String)
        {
            error = "\"fault\" is required: none, server-error, too-many-requests, truncated, malformed, slow, cursor-loop, huge-body or empty-data.";
            return false;
        }

        if (root.TryGetProperty("count", out var countElement) && (!countElement.TryGetInt32(out count) || count is < 1 or > MaxCount))
        {
            error = $"\"count\" must be an integer in 1..{MaxCount}.";
            return false;
        }

        var seconds = root.TryGetProperty("seconds", out var s) && s.TryGetDouble(out var value) && value is >= 0 and <= 3600 ? value : 5;
        var megabytes = root.TryGetProperty("megabytes", out var m) && m.TryGetInt32(out var mb) && mb is >= 1 and <= 1024 ? mb : 20;
        fault = name.GetString() switch
        {
            "none" => SimulatedFault.None,
            "server-error" => SimulatedFault.ServerError,
            "too-many-requests" => SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(seconds)),
            "truncated" => SimulatedFault.Truncated,
            "malformed" => SimulatedFault.Malformed,
            "slow" => SimulatedFault.Slow(TimeSpan.FromSeconds(seconds)),
            "cursor-loop" => SimulatedFault.CursorLoop,
            "huge-body" => SimulatedFault.HugeBody(megabytes),
            "empty-data" => SimulatedFault.EmptyData,
            _ => null,
        };
        error = fault is null ? $"Unknown fault \"{name.GetString()}\"." : "";
        return fault is not null;
    }

    private static Task BadRequestAsync(HttpContext context, string message) =>
        HelixStreamsEndpoint.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "Bad Request", message, context.RequestAborted);
}
