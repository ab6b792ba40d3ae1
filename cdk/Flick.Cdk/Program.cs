using Amazon.CDK;
using Flick.Cdk;

var app = new App();
FlickApp.Build(app, FlickSettings.FromContext(app, Directory.GetCurrentDirectory()));
app.Synth();
