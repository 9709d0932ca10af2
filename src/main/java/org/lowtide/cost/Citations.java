package org.lowtide.cost;

/**
 * The published figures behind Lowtide's defaults, with honest notes on what they are. Each is
 * quoted in the README's "Cost model" section and shown next to the field it fills.
 */
public final class Citations {

    /**
     * DORA 2023: the software delivery performance clusters. The medium cluster (the largest that
     * year) has a change failure rate of 15 % and a failed-deployment recovery time under one day;
     * elite 5 % and under one hour; high 10 % and under one day; low 64 % and one to six months.
     */
    public static final String DORA_2023 = "DORA / Google Cloud, Accelerate State of DevOps Report 2023, "
            + "software delivery performance clusters: change failure rate elite 5 %, high 10 %, medium 15 %, "
            + "low 64 %; failed deployment recovery time elite < 1 hour, high and medium < 1 day, low 1-6 months";

    /** DORA 2024: the clusters shifted (high 20 %, medium 10 %): bands move from year to year. */
    public static final String DORA_2024 = "DORA / Google Cloud, Accelerate State of DevOps Report 2024, "
            + "performance clusters: change failure rate elite 5 %, high 20 %, medium 10 %, low 40 %; "
            + "failed deployment recovery time elite < 1 hour, high and medium < 1 day, low 1 week-1 month";

    /**
     * The often quoted $5,600 per minute: a 2014 Gartner blog post, itself an average of industry
     * surveys across very different companies. A placeholder for a real revenue figure, no more.
     */
    public static final String GARTNER_2014 = "Andrew Lerner, \"The Cost of Downtime\", Gartner Blog Network, "
            + "16 July 2014: \"$5,600 p/minute\" (over $300K per hour), an average of industry surveys with a large "
            + "variance; a 2014 blog figure, not a study of your business";

    /**
     * "100 ms of latency costs 1 % of sales": Greg Linden's recollection of Amazon A/B tests run
     * before 2002, on a 2006 slide; the test itself was never published.
     */
    public static final String LINDEN_2006 = "Greg Linden, \"Make Data Useful\" (talk slides, Amazon, 2006) and "
            + "his Geeking with Greg blog (2006): in Amazon A/B tests \"+100 ms latency leads to -1 % sales\"; "
            + "second-hand, from tests run before 2002 and never published: a rule of thumb, not a measurement";

    /** ITIC's yearly survey; quoted in the README as a cross-check, not used as a default. */
    public static final String ITIC_2024 = "ITIC 2024 Hourly Cost of Downtime Survey: over 90 % of mid-size and "
            + "large enterprises report that one hour of downtime costs them more than $300,000";

    /** The z-value of the 90th percentile of the standard normal distribution. */
    public static final double Z_90 = 1.2815515655446004;

    private Citations() {
    }
}
