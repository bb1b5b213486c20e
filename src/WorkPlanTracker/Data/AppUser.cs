using Microsoft.AspNetCore.Identity;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Data;

/// <summary>A person who signs in: planning office staff, a unit's contact, a leader or an administrator.</summary>
public class AppUser : IdentityUser, IAudited
{
    public string DisplayName { get; set; } = "";

    /// <summary>For unit users: the units whose assignments this person sees and reports on.</summary>
    public List<OrgUnit> Units { get; set; } = [];
}
