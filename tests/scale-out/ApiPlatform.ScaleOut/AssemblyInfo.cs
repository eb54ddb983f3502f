// The proof drives Linux tools (HAProxy, wrk, signals): it runs where the platform's CI runs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
