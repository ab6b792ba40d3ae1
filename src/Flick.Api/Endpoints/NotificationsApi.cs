using System.Text;
using Flick.Api.Auth;
using Flick.Api.Notifications;
using Microsoft.AspNetCore.Http.Features;

namespace Flick.Api.Endpoints;

/// <summary>
/// The notification stream: server-sent events, one per "SeriesReady" or "SeriesFailed", with the
/// envelope as data. A comment line opens the stream (so a client knows it is subscribed) and
/// another keeps it alive through idle proxies.
/// </summary>
public static class NotificationsApi
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static RouteHandlerBuilder MapNotificationsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet(AuthenticationSetup.NotificationStreamPath, StreamAsync)
            .WithTags("Notifications").WithName("StreamNotifications")
            .WithSummary("Server-sent events: SeriesReady and SeriesFailed (the token may also come as ?access_token=)")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .RequireAuthorization(ApiPolicies.Viewer);

    private static async Task StreamAsync(HttpContext http, NotificationBroadcaster broadcaster, IHostApplicationLifetime lifetime)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var subscription = broadcaster.Subscribe();
        try
        {
            await WriteAsync(http, ": subscribed\n\n", ct);
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(KeepAlive);
                try
                {
                    await subscription.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await WriteAsync(http, ": keep-alive\n\n", ct);
                    continue;
                }

                var text = new StringBuilder();
                while (subscription.Reader.TryRead(out var e))
                {
                    text.Append("id: ").Append(e.Id).Append("\nevent: ").Append(e.DetailType).Append("\ndata: ").Append(e.EnvelopeJson).Append("\n\n");
                }

                await WriteAsync(http, text.ToString(), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left or the server stops: the stream simply ends.
        }
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.WriteAsync(text, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
