# The search API (src/Flick.Api.Service) over the AWS adapters, as the API stack runs it on Fargate.
#   docker build -t flick-api .        (the CDK app builds it for linux/arm64 on deploy)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
# global.json stays out: it names this repository's exact SDK, and the image carries its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet publish src/Flick.Api.Service/Flick.Api.Service.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    Flick__Api__Url=http://0.0.0.0:8080
EXPOSE 8080
# The non-root user that the .NET images define.
USER $APP_UID
ENTRYPOINT ["dotnet", "Flick.Api.Service.dll"]
