using System.Text.Json;
using System.Text.Json.Serialization;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Users;
using Flick.Api.Webhooks;

namespace Flick.Api;

/// <summary>
/// Source-generated JSON for every body the API reads or writes and every file it keeps. Request
/// bodies must not carry unknown members, nor null where a value is required.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SeriesList))]
[JsonSerializable(typeof(ChannelSearchResult))]
[JsonSerializable(typeof(ChannelDetail))]
[JsonSerializable(typeof(ChannelViewerSeries))]
[JsonSerializable(typeof(GameSearchResult))]
[JsonSerializable(typeof(GameViewerSeries))]
[JsonSerializable(typeof(MinuteChannelRanking))]
[JsonSerializable(typeof(MinuteGameRanking))]
[JsonSerializable(typeof(ChannelWindowRanking))]
[JsonSerializable(typeof(GameWindowRanking))]
[JsonSerializable(typeof(RunView))]
[JsonSerializable(typeof(RunList))]
[JsonSerializable(typeof(RerunRequest))]
[JsonSerializable(typeof(RerunAccepted))]
[JsonSerializable(typeof(PullRequestBody))]
[JsonSerializable(typeof(PullAccepted))]
[JsonSerializable(typeof(PullList))]
[JsonSerializable(typeof(SourceList))]
[JsonSerializable(typeof(DeadLetterList))]
[JsonSerializable(typeof(RedriveResult))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CurrentUser))]
[JsonSerializable(typeof(UserList))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(CreatedUser))]
[JsonSerializable(typeof(UpdateUserRequest))]
[JsonSerializable(typeof(WebhookList))]
[JsonSerializable(typeof(CreateWebhookRequest))]
[JsonSerializable(typeof(CreatedWebhook))]
[JsonSerializable(typeof(DeliveryList))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(UsersFile))]
[JsonSerializable(typeof(WebhooksFile))]
public sealed partial class ApiJson : JsonSerializerContext;
