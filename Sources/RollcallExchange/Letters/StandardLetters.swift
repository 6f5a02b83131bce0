/// The standard letters, as Rollcall ships them. `rollcall letter templates` copies them
/// into the store, where the school edits them; a store copy wins over these.
public enum StandardLetters {
    public static let all: [String: String] = [
        "first-concern": """
            {{school}}
            {{date}}

            Dear {{parent}},

            **{{pupil}}'s attendance ({{form}})**

            Since {{period_start}}, {{forename}} has attended {{attendance_rate}} of sessions, missing {{sessions_missed}} of {{possible_sessions}}.
            We have noticed this and want to help before it affects {{forename}}'s learning and friendships.

            Please contact the attendance team so that we can talk about anything that makes coming to school difficult,
            and what support would help.

            Yours sincerely,

            {{signatory}}
            """,
        "persistent-absence": """
            {{school}}
            {{date}}

            Dear {{parent}},

            **{{pupil}} ({{form}}): persistent absence**

            Since {{period_start}}, {{forename}} has missed {{sessions_missed}} of {{possible_sessions}} sessions ({{absence_rate}}).
            A pupil who misses 10% or more of sessions is persistently absent, and national guidance asks schools to work
            with families to understand and remove the barriers to attendance.

            We would like to meet you to agree a plan of support. Please contact the attendance team.

            Yours sincerely,

            {{signatory}}
            """,
        "meeting-invitation": """
            {{school}}
            {{date}}

            Dear {{parent}},

            **Invitation to an attendance meeting: {{pupil}} ({{form}})**

            {{forename}}'s attendance since {{period_start}} is {{attendance_rate}}. We would like to meet you to hear
            your views, talk about any support {{forename}} or your family needs, and agree next steps together.

            Please contact the attendance team to arrange a time that suits you.

            Yours sincerely,

            {{signatory}}
            """,
        "notice-to-improve-warning": """
            {{school}}
            {{date}}

            Dear {{parent}},

            **Notice to improve: {{pupil}} ({{form}})**

            {{forename}} has had {{penalty_sessions}} sessions of unauthorised absence in the 10 school weeks since
            {{penalty_window_start}}. The national threshold at which a penalty notice must be considered is 10 sessions
            in 10 school weeks.

            We have offered support and want to keep working with you. This notice gives you the chance to improve
            {{forename}}'s attendance before a penalty notice is considered. If unauthorised absence continues, a
            penalty notice may be issued: £80 if paid within 21 days, rising to £160 if paid within 28 days.

            Please contact the attendance team if anything is making attendance difficult.

            Yours sincerely,

            {{signatory}}
            """,
        "leave-granted": """
            {{school}}
            {{date}}

            Dear {{applicant}},

            **Leave of absence for {{pupil}} ({{form}}): granted**

            Thank you for your request, received on {{leave_received}}, for {{forename}} to be absent from
            {{leave_first}} to {{leave_last}} ({{leave_kind}}).

            The school has granted leave for {{leave_granted}} of the {{leave_asked}} sessions asked for, from
            {{granted_first}} to {{granted_last}}. They are recorded as authorised absence. {{leave_reason}}

            Please make sure {{forename}} is back in school for the first session after the leave ends.

            Yours sincerely,

            {{signatory}}
            """,
        "leave-refused": """
            {{school}}
            {{date}}

            Dear {{applicant}},

            **Leave of absence for {{pupil}} ({{form}}): refused**

            Thank you for your request, received on {{leave_received}}, for {{forename}} to be absent from
            {{leave_first}} to {{leave_last}} ({{leave_kind}}).

            The school cannot grant this leave. {{leave_reason}}

            Leave of absence may be granted only in the circumstances the law sets out, and a holiday is not
            generally one of them. If {{forename}} is absent on these days, the absence will be recorded as
            unauthorised, and unauthorised absence can lead to a penalty notice under the local authority's code
            of conduct. Please contact the attendance team if you would like to talk about this decision.

            Yours sincerely,

            {{signatory}}
            """,
    ]
}
