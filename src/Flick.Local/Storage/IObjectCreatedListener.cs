using Flick.Core.Ports;

namespace Flick.Local.Storage;

/// <summary>
/// Told about every object that a put has put in place: the embedded runtime turns it into the
/// S3-style "Object Created" event that starts the next stage.
/// </summary>
public interface IObjectCreatedListener
{
    /// <summary>Called once per successful put, after the object is readable under its key.</summary>
    Task OnObjectCreatedAsync(ObjectInfo created, CancellationToken cancellationToken);
}
