using WorkPlanTracker.Features.Import.Documents;

namespace WorkPlanTracker.Features.Import;

/// <summary>A document the user chose or pasted, read to text, with the year they gave for plans that do not say it.</summary>
public sealed record ImportSource(string Name, PlanDocument Document, int? Year);
