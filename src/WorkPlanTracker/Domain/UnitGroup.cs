namespace WorkPlanTracker.Domain;

/// <summary>A name that stands for many units (各县(市、区)政府, 市政府各部门); assigning to it fans out to its members.</summary>
public class UnitGroup : IAudited
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<OrgUnit> Members { get; set; } = [];

    /// <summary>The member units a task named to this group goes to, each once, in pinyin order as Chinese lists are read.</summary>
    public IReadOnlyList<OrgUnit> FanOut() =>
        Members.DistinctBy(m => m.Id).OrderBy(m => m.Name, ChineseOrder.Names).ToList();
}
