namespace WorkPlanTracker.Domain;

/// <summary>红黄绿灯 of one assignment (see <see cref="TaskAssignment.LightOn"/>).</summary>
public enum TrafficLight
{
    /// <summary>On track.</summary>
    Green = 0,

    /// <summary>Due soon, a cycle's report missing, returned, or asking for more time.</summary>
    Yellow = 1,

    /// <summary>Past its (possibly extended) due date and not closed.</summary>
    Red = 2,

    /// <summary>Closed (办结) by the office; shown apart from green so finished work does not hide live work.</summary>
    Done = 3,
}
