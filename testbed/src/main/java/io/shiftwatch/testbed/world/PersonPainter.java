package io.shiftwatch.testbed.world;

/**
 * Draws a person about 20 px tall (at 32x32) in 32-pixel units around the person's position, first
 * as a dark silhouette one unit larger (the outline), then in colour. Gender cue: long hair and a
 * skirt (woman) or short hair and dark trousers (man). Profession cue: white coat with a red cross
 * (doctor), white coat and tall white hat (chef), navy uniform with a cap and gold badge (pilot).
 */
final class PersonPainter {
    static final int OUTLINE = 0x141414;
    private static final int SKIN = 0xF0C8A0, HAIR = 0x5A3214, TROUSERS = 0x3C3C46;
    private static final int WHITE_COAT = 0xF5F5F5, NAVY = 0x19235A, GOLD = 0xF0C828, CROSS_RED = 0xDC1E1E;

    private final Canvas canvas;
    private final double cx, cy, s;
    private boolean outline;

    private PersonPainter(Canvas canvas, Person person) {
        this.canvas = canvas;
        this.s = canvas.size / 32.0;
        this.cx = person.position().x(canvas.size) + 0.5;
        this.cy = person.position().y(canvas.size) + 0.5;
    }

    static void paint(Canvas canvas, Person person) {
        PersonPainter painter = new PersonPainter(canvas, person);
        painter.outline = true;
        painter.figure(person);
        painter.outline = false;
        painter.figure(person);
        painter.professionDetails(person.profession());
    }

    private void figure(Person person) {
        Gender gender = person.gender();
        int coat = person.profession() == Profession.PILOT ? NAVY : WHITE_COAT;
        if (gender == Gender.WOMAN) rect(-3.6, -8, 3.6, -1.2, HAIR);
        rect(-3, -2.5, 3, 3.5, coat);
        switch (gender) {
            case WOMAN -> {
                trapezoid(3.5, 6.5, 3, 4.6, coat);
                rect(-2, 6.5, -0.8, 8.5, SKIN);
                rect(0.8, 6.5, 2, 8.5, SKIN);
            }
            case MAN -> {
                rect(-2.6, 3.5, -0.4, 8.5, TROUSERS);
                rect(0.4, 3.5, 2.6, 8.5, TROUSERS);
            }
        }
        circle(0, -5, 2.6, SKIN);
        if (gender == Gender.MAN) rect(-2.6, -8, 2.6, -6.2, HAIR);
        switch (person.profession()) {
            case DOCTOR -> { }
            case CHEF -> rect(-2.4, -12.5, 2.4, -7.2, 0xFFFFFF);
            case PILOT -> rect(-3.2, -9.2, 3.2, -7, NAVY);
        }
    }

    private void professionDetails(Profession profession) {
        switch (profession) {
            case DOCTOR -> {
                rect(-0.7, -1.9, 0.7, 1.9, CROSS_RED);
                rect(-1.9, -0.7, 1.9, 0.7, CROSS_RED);
            }
            case CHEF -> rect(-2.4, -8.2, 2.4, -7.2, 0xC8C8C8);
            case PILOT -> {
                rect(-0.9, -8.9, 0.9, -7.4, GOLD);
                rect(-3, -2.5, -1.6, -1.4, GOLD);
                rect(1.6, -2.5, 3, -1.4, GOLD);
            }
        }
    }

    private void rect(double x0, double y0, double x1, double y1, int colour) {
        double e = outline ? 1 : 0;
        canvas.fillRect(cx + (x0 - e) * s, cy + (y0 - e) * s, cx + (x1 + e) * s, cy + (y1 + e) * s,
                outline ? OUTLINE : colour);
    }

    private void circle(double x, double y, double r, int colour) {
        canvas.fillCircle(cx + x * s, cy + y * s, (r + (outline ? 1 : 0)) * s, outline ? OUTLINE : colour);
    }

    private void trapezoid(double y0, double y1, double w0, double w1, int colour) {
        double e = outline ? 1 : 0;
        canvas.fillTrapezoid(cx, cy + (y0 - e) * s, cy + (y1 + e) * s, (w0 + e) * s, (w1 + e) * s,
                outline ? OUTLINE : colour);
    }
}
