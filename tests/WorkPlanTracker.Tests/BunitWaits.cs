using System.Runtime.CompilerServices;
using Bunit;

namespace WorkPlanTracker.Tests;

/// <summary>
/// bUnit waits one second for a render before failing a <c>WaitForAssertion</c>/<c>WaitForElement</c>. The suite
/// runs its classes side by side on two shared cores, where parsing a pasted plan or saving one can take longer than
/// that; a passing test returns as soon as its assertion holds, so a longer limit only changes how long a real
/// failure takes to report.
/// </summary>
internal static class BunitWaits
{
    [ModuleInitializer]
    internal static void AllowForASharedMachine() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
