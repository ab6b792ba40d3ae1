using Amazon.CDK.AWS.Lambda;

namespace Flick.Cdk;

/// <summary>
/// The one deployment package of every Flick function: the Native AOT <c>bootstrap</c> that
/// scripts/build.sh zips. Without it, and only when asked for, a placeholder whose bootstrap fails
/// every invocation with a message saying so, so that synthesis needs no build.
/// </summary>
public static class LambdaPackage
{
    /// <summary>The folder name of the placeholder, under the system's temporary folder.</summary>
    public const string PlaceholderFolderName = "flick-lambda-placeholder-not-deployable";

    public static Code Resolve(FlickSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (File.Exists(settings.LambdaPackagePath))
        {
            return Code.FromAsset(settings.LambdaPackagePath);
        }

        if (!settings.AllowPlaceholderPackage)
        {
            throw new InvalidOperationException(
                $"The Lambda package '{settings.LambdaPackagePath}' does not exist: build it with ./scripts/build.sh, " +
                "or synthesize with -c allowPlaceholderPackage=true to use a placeholder that cannot serve invocations.");
        }

        return Code.FromAsset(WritePlaceholder());
    }

    /// <summary>Writes (always with the same bytes, so the asset hash is stable) the placeholder folder.</summary>
    public static string WritePlaceholder()
    {
        var folder = Path.Combine(Path.GetTempPath(), PlaceholderFolderName);
        Directory.CreateDirectory(folder);
        var bootstrap = Path.Combine(folder, "bootstrap");
        const string script = "#!/bin/sh\necho 'placeholder package: build artifacts/lambda/flick-bootstrap-arm64.zip with ./scripts/build.sh and deploy again' >&2\nexit 1\n";
        if (!File.Exists(bootstrap) || File.ReadAllText(bootstrap) != script)
        {
            File.WriteAllText(bootstrap, script);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return folder;
    }
}
