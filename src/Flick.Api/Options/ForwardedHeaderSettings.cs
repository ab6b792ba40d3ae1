using System.Net;

namespace Flick.Api.Options;

/// <summary>
/// Proxies in front of the API whose X-Forwarded-For and X-Forwarded-Proto are believed. With none
/// (the default, one machine), those headers are ignored and the client is the connection's peer.
/// In AWS, list the load balancer's subnets (its addresses change) in <see cref="KnownNetworks"/>.
/// A header that arrives from any other address is ignored: a client cannot pick its own address.
/// </summary>
public sealed class ForwardedHeaderSettings
{
    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.1.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/16</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row are believed, from the nearest one.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<string> Problems()
    {
        foreach (var proxy in KnownProxies.Where(p => !IsAddress(p)))
        {
            yield return $"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address";
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return $"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR form (address/prefix)";
        }

        if (ForwardLimit is < 1 or > 10)
        {
            yield return "ForwardedHeaders:ForwardLimit must be within 1..10";
        }
    }

    // IPAddress also reads legacy forms ("10.0.1" is 10.0.0.1): a proxy is written in full.
    private static bool IsAddress(string text) =>
        IPAddress.TryParse(text, out var address)
        && (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);
}
