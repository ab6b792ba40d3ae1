# The API service ("Search EC Service") for ECS Fargate: Flick.Api over the AWS adapters.
# Build context: the repository root (scripts/build.sh api, or the CDK app's image asset).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Flick.Api.Service/Flick.Api.Service.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Listens on the container port the load balancer targets; everything else comes from the task's
# environment: FLICK_* (AWS resources), REDIS_URL, Flick__Api__Auth=Cognito and Flick__Api__Cognito__*.
ENV Flick__Api__Url=http://0.0.0.0:8080 \
    DOTNET_gcServer=0
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Flick.Api.Service.dll"]
