using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain.Metrics;

namespace Flick.Aws.Tables;

/// <summary>A channel profile as an item of the profiles table, with its revision for optimistic writes.</summary>
internal static class ProfileItems
{
    public const string Revision = "rev";
    public const string SearchLogin = "login_lc";
    public const string SearchName = "name_lc";

    /// <summary>The form login and name are searched in (the same folding as the embedded store).</summary>
    public static string Folded(string text) => text.ToLowerInvariant();

    public static Dictionary<string, AttributeValue> ToItem(string seriesId, ChannelProfile profile, long revision)
    {
        var item = Attr.Key(seriesId, profile.UserId);
        item["login"] = Attr.S(profile.UserLogin);
        item["name"] = Attr.S(profile.UserName);
        item["language"] = Attr.S(profile.Language);
        item["title"] = Attr.S(profile.Title);
        item["game_id"] = Attr.S(profile.GameId);
        item["game_name"] = Attr.S(profile.GameName);
        item["stream_id"] = Attr.S(profile.StreamId);
        item.SetOptional("started_at", profile.StartedAt is { } started ? Attr.Text(started) : null);
        item["last_at"] = Attr.Time(profile.LastAt);
        item["first_seen"] = Attr.Slot(profile.FirstSeen);
        item["last_seen"] = Attr.Slot(profile.LastSeen);
        item["peak"] = Attr.N(profile.PeakViewers);
        item["peak_slot"] = Attr.Slot(profile.PeakSlot);
        item[SearchLogin] = Attr.S(Folded(profile.UserLogin));
        item[SearchName] = Attr.S(Folded(profile.UserName));
        item[Revision] = Attr.N(revision);
        return item;
    }

    public static ChannelProfile FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        UserId = item.GetS(DynamoTableDefinitions.SortKey),
        UserLogin = item.GetS("login"),
        UserName = item.GetS("name"),
        Language = item.GetS("language"),
        Title = item.GetS("title"),
        GameId = item.GetS("game_id"),
        GameName = item.GetS("game_name"),
        StreamId = item.GetS("stream_id"),
        StartedAt = item.GetOptionalTime("started_at"),
        LastAt = item.GetTime("last_at"),
        FirstSeen = item.GetSlot("first_seen"),
        LastSeen = item.GetSlot("last_seen"),
        PeakViewers = item.GetInt("peak"),
        PeakSlot = item.GetSlot("peak_slot"),
    };
}
