// A miniature app with one of each broken wall, for the architecture rules to be shown catching them.
// Nothing here runs; the rules read the compiled references.
#pragma warning disable CA1812, CA1822, IDE0051

namespace WorkPlanTracker.Tests.Architecture.Planted.Domain
{
    internal sealed class PlantedEntity
    {
        // A domain type that knows EF.
        public Microsoft.EntityFrameworkCore.DbContext? Context { get; set; }
    }

    internal sealed class CleanEntity
    {
        public string Name { get; set; } = "";
    }
}

namespace WorkPlanTracker.Tests.Architecture.Planted.Data
{
    internal sealed class PlantedDbContext
    {
        // Data reaching up into a feature.
        public Features.Alpha.AlphaService? Service { get; set; }
    }
}

namespace WorkPlanTracker.Tests.Architecture.Planted.Hosting
{
    internal static class PlantedRegistration
    {
        public static int Count => 1;
    }
}

namespace WorkPlanTracker.Tests.Architecture.Planted.Features.Alpha
{
    internal sealed class AlphaService
    {
        // Alpha may use Beta (allowed below), and does.
        public Beta.BetaService? Beta { get; set; }
    }
}

namespace WorkPlanTracker.Tests.Architecture.Planted.Features.Beta
{
    internal sealed class BetaService
    {
        // Beta was not allowed to use Alpha: the edge back makes a cycle.
        public Alpha.AlphaService? Alpha { get; set; }

        // And a feature reaching into Hosting.
        public int Registered => Hosting.PlantedRegistration.Count;
    }
}
