using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Flick.Api.Auth;

/// <summary>
/// The HMAC key that signs local tokens: generated at first start and kept in the data directory
/// with owner-only permissions, so that tokens survive a restart. Without a directory the key lives
/// in memory only. Loaded at first use, not at registration.
/// </summary>
public sealed class SigningKeySource(string? directory)
{
    private const int KeyBytes = 64;
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => new SymmetricSecurityKey(Load(directory)) { KeyId = "flick-local-1" });

    public SymmetricSecurityKey Key => _key.Value;

    private static byte[] Load(string? directory)
    {
        if (directory is null)
        {
            return RandomNumberGenerator.GetBytes(KeyBytes);
        }

        var path = Path.Combine(directory, LocalTokenSettings.SigningKeyFile);
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows())
            {
                // A copied or restored file may have lost its mode: the key must stay private.
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length >= 32)
            {
                return existing;
            }
        }

        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        Storage.JsonFile.WriteBytesAsync(path, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)), CancellationToken.None).GetAwaiter().GetResult();
        return key;
    }
}
