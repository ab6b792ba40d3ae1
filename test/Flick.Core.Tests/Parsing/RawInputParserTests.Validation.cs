using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed partial class RawInputParserTests
{
    [Theory]
    [InlineData("\"user_id\":<omit>", "missing-user-id", "the stream has no user_id")]
    [InlineData("\"user_id\":null", "missing-user-id", "the stream has no user_id")]
    [InlineData("\"user_id\":\"\"", "missing-user-id", "the stream's user_id is empty")]
    [InlineData("\"user_id\":1001", "wrong-type", "user_id is a number; it must be a string")]
    [InlineData("\"user_id\":{\"id\":\"1001\"}", "wrong-type", "user_id is an object; it must be a string")]
    [InlineData("\"viewer_count\":-1", "invalid-viewer-count", "viewer_count -1 is not an integer in 0..2147483647")]
    [InlineData("\"viewer_count\":2147483648", "invalid-viewer-count", "viewer_count 2147483648 is not an integer in 0..2147483647")]
    [InlineData("\"viewer_count\":1.5", "invalid-viewer-count", "viewer_count 1.5 is not an integer in 0..2147483647")]
    [InlineData("\"viewer_count\":1e3", "invalid-viewer-count", "viewer_count 1e3 is not an integer in 0..2147483647")]
    [InlineData("\"viewer_count\":\"12\"", "invalid-viewer-count", "viewer_count is a string; it must be an integer in 0..2147483647")]
    [InlineData("\"viewer_count\":null", "invalid-viewer-count", "viewer_count is null; it must be an integer in 0..2147483647")]
    [InlineData("\"viewer_count\":<omit>", "invalid-viewer-count", "viewer_count is missing; it must be an integer in 0..2147483647")]
    [InlineData("\"viewer_count\":[1]", "invalid-viewer-count", "viewer_count is an array; it must be an integer in 0..2147483647")]
    [InlineData("\"type\":\"rerun\"", "not-live", "type is 'rerun', not 'live'")]
    [InlineData("\"type\":\"\"", "not-live", "type is '', not 'live'")]
    [InlineData("\"type\":\"Live\"", "not-live", "type is 'Live', not 'live'")]
    [InlineData("\"type\":1", "not-live", "type is a number, not 'live'")]
    [InlineData("\"title\":5", "wrong-type", "title is a number; it must be a string")]
    [InlineData("\"game_id\":509658", "wrong-type", "game_id is a number; it must be a string")]
    [InlineData("\"started_at\":\"soon\"", "wrong-type", "started_at 'soon' is not an RFC 3339 time")]
    [InlineData("\"is_mature\":\"yes\"", "wrong-type", "is_mature is a string; it must be a boolean")]
    public async Task ParseAsync_WhenAStreamBreaksARule_ShouldQuarantineOnlyThatStream(string field, string code, string reason)
    {
        var page = Page(StreamJson("7", fields: field), StreamJson("8"));

        var (summary, sink) = await ParseAsync(page, PageOptions);

        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(code);
        rejection.Reason.ShouldBe(reason);
        rejection.SeriesId.ShouldBe("twitch-top");
        rejection.At.ShouldBe("2024-05-01T12:00:30Z");
        rejection.Location.ShouldBe("stream 1");
        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(PullTime, "8")]);
        summary.Rejected.ShouldBe(1);
        summary.Observations.ShouldBe(1);
    }

    [Theory]
    [InlineData("\"viewer_count\":0", 0)]
    [InlineData("\"viewer_count\":2147483647", 2147483647)]
    [InlineData("\"viewer_count\":-0", 0)]
    public async Task ParseAsync_WhenViewerCountIsAtTheBounds_ShouldKeepIt(string field, int expected)
    {
        var (_, sink) = await ParseAsync(Page(StreamJson(fields: field)), PageOptions);

        sink.Observations.ShouldHaveSingleItem().Observation.ViewerCount.ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"type\":<omit>")]
    [InlineData("\"type\":null")]
    [InlineData("\"tags\":null")]
    [InlineData("\"started_at\":<omit>")]
    [InlineData("\"is_mature\":null")]
    public async Task ParseAsync_WhenOptionalFieldsAreMissingOrNull_ShouldKeepTheStream(string field)
    {
        var (_, sink) = await ParseAsync(Page(StreamJson(fields: field)), PageOptions);

        sink.Rejections.ShouldBeEmpty();
        sink.Observations.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("\"game_id\":<omit>")]
    [InlineData("\"game_id\":\"\"")]
    [InlineData("\"game_id\":null")]
    public async Task ParseAsync_WhenGameIdIsMissingEmptyOrNull_ShouldKeepAnUncategorisedObservation(string field)
    {
        var (_, sink) = await ParseAsync(Page(StreamJson(fields: field)), PageOptions);

        var observation = sink.Observations.ShouldHaveSingleItem().Observation;
        observation.GameId.ShouldBe(string.Empty);
        observation.IsCategorised.ShouldBeFalse();
    }

    [Fact]
    public async Task ParseAsync_WhenStartedAtIsNullOrEmpty_ShouldHaveNoStartTime()
    {
        var (_, sink) = await ParseAsync(Page(StreamJson("1", fields: "\"started_at\":null"), StreamJson("2", fields: "\"started_at\":\"\"")), PageOptions);

        sink.Observations.Select(o => o.Observation.StartedAt).ShouldBe([null, null]);
    }

    [Fact]
    public async Task ParseAsync_WhenStringsAreEscapedOrUnicode_ShouldUnescapeThem()
    {
        var stream = StreamJson(fields:
        [
            "\"title\":\"caf\\u00e9 \\\"quoted\\\" \\ud83c\\udfae 日本語\"",
            "\"game_name\":\"Pok\\u00e9mon\"",
            "\"language\":\"\\u006a\\u0061\"",
            "\"\\u0076iewer_count\":42",
        ]);

        var (_, sink) = await ParseAsync(Page(stream), PageOptions);

        var observation = sink.Observations.ShouldHaveSingleItem().Observation;
        observation.Title.ShouldBe("café \"quoted\" 🎮 日本語");
        observation.GameName.ShouldBe("Pokémon");
        observation.Language.ShouldBe("ja");
        observation.ViewerCount.ShouldBe(42);
    }

    [Fact]
    public async Task ParseAsync_WhenStreamInASeriesDocumentIsRefused_ShouldSayWhichSampleAndStream()
    {
        var document = $$"""
            {"series":"demo-1","samples":[
              {"at":"2024-05-01T12:00:05Z","streams":[{{StreamJson("1")}}]},
              {"at":"2024-05-01T12:01:05.5+00:00","streams":[{{StreamJson("2")}},{{StreamJson("3")}},{{StreamJson("4", fields: "\"type\":\"rerun\"")}}]}]}
            """;

        var (_, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Rejections.ShouldBe([new Rejection
        {
            Code = RejectionCodes.NotLive,
            Reason = "type is 'rerun', not 'live'",
            SeriesId = "demo-1",
            At = "2024-05-01T12:01:05.5Z",
            UserId = "4",
            Location = "sample 2, stream 3",
        }]);
        sink.Observations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task ParseAsync_WhenAStreamIsNotAnObject_ShouldQuarantineItAndGoOn()
    {
        var (_, sink) = await ParseAsync(Page("1", "\"x\"", "null", "[{\"user_id\":\"9\"}]", StreamJson()), PageOptions);

        sink.Rejections.Select(r => (r.Code, r.Location)).ShouldBe(
        [
            (RejectionCodes.WrongType, "stream 1"),
            (RejectionCodes.WrongType, "stream 2"),
            (RejectionCodes.WrongType, "stream 3"),
            (RejectionCodes.WrongType, "stream 4"),
        ]);
        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(PullTime)]);
    }

    [Fact]
    public async Task ParseAsync_WhenAStreamHasSeveralProblems_ShouldReportTheUserIdFirst()
    {
        var stream = StreamJson(fields: ["\"user_id\":null", "\"viewer_count\":-1", "\"type\":\"rerun\""]);

        var (_, sink) = await ParseAsync(Page(stream), PageOptions);

        sink.Rejections.ShouldHaveSingleItem().Code.ShouldBe(RejectionCodes.MissingUserId);
    }
}
