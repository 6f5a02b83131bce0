import RollcallTUI
/// What a key does on the dashboard: change the period, or open one of its lists.
public enum DashboardCommand: Hashable, Sendable {
    case previousPeriod, nextPeriod
    case followUps, absentees, penalty, calls, unresolvedN, missingMarks, leave, roll, forms, yearGroups, cohorts, pupils
    case pack
    case help, back, quit

    public static let keys = KeyTable<DashboardCommand>("On the dashboard", [
        KeyBinding(.previousPeriod, [.left, .character("h")], "a shorter period", hint: "period", hintKeys: "←→"),
        KeyBinding(.nextPeriod, [.right, .character("l"), .tab], "a longer period"),
        KeyBinding(.followUps, [.character("w")], "follow-ups: what must be done, support first",
                   hint: "open a list", hintKeys: "w p t c n m v r f y x a"),
        KeyBinding(.absentees, [.character("p")], "persistent and severe absentees"),
        KeyBinding(.penalty, [.character("t")], "penalty threshold: reached and close"),
        KeyBinding(.calls, [.character("c")], "calls to make: unexplained absence now"),
        KeyBinding(.unresolvedN, [.character("n")], "N older than 5 school days"),
        KeyBinding(.missingMarks, [.character("m")], "registers missing marks this week"),
        KeyBinding(.leave, [.character("v")], "leave: to decide, granted, refused and taken"),
        KeyBinding(.roll, [.character("r")], "the roll: joined, deleted and why, returns due"),
        KeyBinding(.forms, [.character("f")], "figures by form"),
        KeyBinding(.yearGroups, [.character("y")], "figures by year group"),
        KeyBinding(.cohorts, [.character("x")], "cohorts: sex, SEN, FSM, EAL, crossed"),
        KeyBinding(.pupils, [.character("a"), .character("/")], "every pupil: find one by typing",
                   hint: "find a pupil", hintKeys: "/"),
        KeyBinding(.pack, [.character("e")], "write the termly pack (HTML) for this period", writes: true),
        KeyBinding(.help, [.character("?")], "show these keys", hint: "help"),
        KeyBinding(.back, [.escape], "back"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit", hint: "quit"),
    ])
}
