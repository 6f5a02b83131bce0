/// Names as a school in England has them: accents, apostrophes, names from many
/// languages, so every screen and file is tried on them.
enum DemoNames {
    static let girls = ["Amelia", "Zoë", "Siobhán", "Aoife", "Maryam", "Olivia", "Chloé", "Isla", "Freya", "Ava",
                        "Nneka", "Priya", "Zuzanna", "Mia", "Grace", "Hannah", "Aisha", "Émilie", "Niamh", "Ruby",
                        "Lily", "Fatima", "Sofía", "Maja", "Evie", "Imogen", "Amira", "Ellie", "Saoirse", "Jasmine"]
    static let boys = ["Oliver", "Łukasz", "Muhammad", "Seán", "Jack", "Noah", "Harry", "Kwame", "José", "Leo",
                       "Arjun", "Oscar", "Theo", "Charlie", "Bartłomiej", "Ibrahim", "Finn", "Jamal", "Dylan", "Rhys",
                       "Mateo", "Kacper", "Ethan", "Alfie", "Yusuf", "Reuben", "Ciarán", "Tomás", "Archie", "Ayaan"]
    static let surnames = ["O'Brien", "Smith", "Kowalski", "Nguyễn", "Patel", "Jones", "Wiśniewski", "D'Souza", "Okafor",
                           "Taylor", "Müller", "Ní Bhriain", "Williams", "Hussain", "Brown", "O'Connor", "Davies",
                           "Begum", "García", "Evans", "Khan", "McAllister", "Thomas", "Adeyemi", "Roberts", "Ahmed",
                           "Walker", "Novák", "Wright", "Mensah", "Hughes", "Chen", "Green", "Ó Súilleabháin",
                           "Lewis", "Fernández", "Hall", "Kaur", "Wood", "Lefèvre"]
}
