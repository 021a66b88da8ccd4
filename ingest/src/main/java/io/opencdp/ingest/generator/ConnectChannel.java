package io.opencdp.ingest.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Amazon Connect contact trace records (format 2017-03-10): calls and chats with queue, agent and
 * the attributes agents and the IVR capture. Some records are re-delivered later with the same
 * ContactId, a newer LastUpdateTimestamp and updated attributes.
 */
final class ConnectChannel {
  private static final double CONTACTS = 0.3;
  private static final String[] REASONS = {
    "order_status",
    "return",
    "billing",
    "loyalty_points",
    "product_question",
    "delivery_problem",
    "account_access"
  };
  private static final String[] QUEUES = {"CustomerService", "Orders", "Returns", "Loyalty"};
  private static final String REGION = "us-east-1";

  private final Noise noise;
  private final Window window;
  private final double scale;
  private final String accountId;
  private final String instanceArn;
  private final String[] agentNames;
  private final String[] agentArns;
  private final String[] queueArns;
  private final String routingProfileArn;
  private final String systemNumber = "+18005550199";
  private final String outboundNumber = "+18005550142";
  private final JsonLine json = new JsonLine();

  ConnectChannel(Noise noise, Window window, double scale, long seed) {
    this.noise = noise;
    this.window = window;
    this.scale = scale;
    SplittableRandom r = Rand.stream(seed, Rand.GLOBAL, 7);
    this.accountId = "1" + Rand.digits(r, 11);
    String instance = Rand.uuid(r);
    this.instanceArn = "arn:aws:connect:" + REGION + ":" + accountId + ":instance/" + instance;
    int agents = 48;
    agentNames = new String[agents];
    agentArns = new String[agents];
    for (int i = 0; i < agents; i++) {
      String first = Rand.pick(r, r.nextBoolean() ? NameLists.US_FEMALE : NameLists.US_MALE);
      String last = Rand.pick(r, NameLists.US_LAST);
      agentNames[i] = Names.ascii(first.substring(0, 1) + last) + (i + 1);
      agentArns[i] = instanceArn + "/agent/" + Rand.uuid(r);
    }
    queueArns = new String[QUEUES.length];
    for (int i = 0; i < QUEUES.length; i++) {
      queueArns[i] = instanceArn + "/queue/" + Rand.uuid(r);
    }
    routingProfileArn = instanceArn + "/routing-profile/" + Rand.uuid(r);
  }

  void generate(Person p, SplittableRandom r, List<Raw> out) {
    int contacts = Rand.poisson(r, scale * CONTACTS * Math.min(p.habits().activity(), 6));
    if (p.isolated()) {
      contacts = Math.max(contacts, 1);
    }
    for (int i = 0; i < contacts; i++) {
      contact(p, r, out);
    }
  }

  private record Contact(
      String contactId,
      boolean chat,
      String method,
      long initiation,
      long connected,
      long enqueued,
      long dequeued,
      long agentConnected,
      long disconnect,
      long acwEnd,
      boolean abandoned,
      int agent,
      int queue,
      int holds,
      long holdSeconds,
      String reason) {}

  private void contact(Person p, SplittableRandom r, List<Raw> out) {
    long day = window.randomDay(r);
    long initiation = day + Rand.between(r, 13 * Times.HOUR, 23 * Times.HOUR) + r.nextInt(1000);
    boolean chat = r.nextInt(100) < 15;
    int m = r.nextInt(100);
    String method = m < 82 ? "INBOUND" : m < 92 ? "OUTBOUND" : m < 97 ? "CALLBACK" : "TRANSFER";
    boolean abandoned = method.equals("INBOUND") && r.nextInt(100) < 7;
    long connected = initiation + Rand.between(r, 300L, 2_000L);
    long enqueued = connected + Rand.between(r, 20L, 90L) * Times.SECOND;
    long dequeued = enqueued + Rand.between(r, 5L, 420L) * Times.SECOND;
    long agentConnected = dequeued + Rand.between(r, 1L, 4L) * Times.SECOND;
    long disconnect =
        abandoned ? dequeued : agentConnected + Rand.between(r, 40L, 1_200L) * Times.SECOND;
    long acwEnd = abandoned ? disconnect : disconnect + Rand.between(r, 10L, 180L) * Times.SECOND;
    int holds = abandoned || r.nextInt(100) < 75 ? 0 : 1 + r.nextInt(2);
    Contact c =
        new Contact(
            Rand.uuid(r),
            chat,
            method,
            initiation,
            connected,
            enqueued,
            dequeued,
            agentConnected,
            disconnect,
            acwEnd,
            abandoned,
            r.nextInt(agentNames.length),
            r.nextInt(QUEUES.length),
            holds,
            holds == 0 ? 0 : Rand.between(r, 15L, 240L),
            Rand.pick(r, REASONS));

    // what the IVR and the agent captured, with noise
    byte[] t = Raw.tallies();
    String customerId = p.customerId() != null && r.nextInt(100) < 55 ? p.customerId() : null;
    String loyaltyId = p.loyaltyId() != null && r.nextInt(100) < 40 ? p.loyaltyId() : null;
    boolean names = !abandoned && (p.isolated() || r.nextInt(100) < 70);
    String first = names ? noise.firstName(r, p.firstName(), t) : null;
    String last = names ? noise.lastName(r, p.lastName(), t) : null;
    String birth =
        !abandoned && r.nextInt(100) < (p.isolated() ? 70 : 30)
            ? Times.isoDate(p.birthEpochDay())
            : null;
    String email =
        !abandoned && !p.isolated() && r.nextInt(100) < 15 ? noise.email(r, p.email(), t) : null;

    long lastUpdate = acwEnd + Rand.between(r, 2L, 30L) * Times.SECOND;
    Malformation mf =
        noise.malformation(
            r,
            Malformation.TRUNCATED_JSON,
            Malformation.IMPOSSIBLE_DATE,
            Malformation.MISSING_REQUIRED);
    String text =
        render(r, p, c, lastUpdate, customerId, loyaltyId, first, last, birth, email, null, mf);
    out.add(
        new Raw(
            Channel.CALLCENTER,
            lastUpdate,
            Times.month(lastUpdate),
            Times.month(initiation),
            out.size(),
            text,
            Kind.OK,
            mf,
            t));
    if (mf == null && Rand.chance(r, noise.rates().redelivery())) {
      long again = lastUpdate + Rand.between(r, Times.HOUR, 3 * Times.DAY);
      String resolution = r.nextInt(3) == 0 ? "escalated" : "resolved";
      String redelivered =
          render(
              r, p, c, again, customerId, loyaltyId, first, last, birth, email, resolution, null);
      out.add(
          new Raw(
              Channel.CALLCENTER,
              again,
              Times.month(again),
              Times.month(initiation),
              out.size(),
              redelivered,
              Kind.REDELIVERY,
              null,
              t.clone()));
    }
  }

  private String render(
      SplittableRandom r,
      Person p,
      Contact c,
      long lastUpdate,
      String customerId,
      String loyaltyId,
      String first,
      String last,
      String birth,
      String email,
      String resolution,
      Malformation mf) {
    JsonLine j = json.reset().begin();
    j.str("AWSAccountId", accountId);
    j.str("AWSContactTraceRecordFormatVersion", "2017-03-10");
    if (c.abandoned()) {
      j.nul("Agent");
    } else {
      j.object("Agent");
      j.str("ARN", agentArns[c.agent()]);
      j.num("AfterContactWorkDuration", (c.acwEnd() - c.disconnect()) / 1000);
      j.isoSeconds("AfterContactWorkEndTimestamp", c.acwEnd());
      j.isoSeconds("AfterContactWorkStartTimestamp", c.disconnect());
      j.num(
          "AgentInteractionDuration",
          (c.disconnect() - c.agentConnected()) / 1000 - c.holdSeconds());
      j.isoSeconds("ConnectedToAgentTimestamp", c.agentConnected());
      j.num("CustomerHoldDuration", c.holdSeconds());
      j.nul("HierarchyGroups");
      j.num("LongestHoldDuration", c.holds() == 0 ? 0 : c.holdSeconds() / c.holds() + 5);
      j.num("NumberOfHolds", c.holds());
      j.object("RoutingProfile")
          .str("ARN", routingProfileArn)
          .str("Name", "Basic Routing Profile")
          .end();
      j.str("Username", agentNames[c.agent()]);
      j.end();
    }
    j.num("AgentConnectionAttempts", c.abandoned() ? 0 : 1);
    j.object("Attributes");
    j.str("call_reason", c.reason());
    j.strIf("customer_id", customerId);
    j.strIf("loyalty_id", loyaltyId);
    j.strIf("first_name", first);
    j.strIf("last_name", last);
    j.strIf("birth_date", birth);
    j.strIf("email", email);
    j.str("language", p.country().equals("DE") ? "de-DE" : "en-US");
    j.strIf("resolution", resolution);
    j.end();
    j.str("Channel", c.chat() ? "CHAT" : "VOICE");
    j.isoSeconds("ConnectedToSystemTimestamp", c.connected());
    if (mf != Malformation.MISSING_REQUIRED) {
      j.str("ContactId", c.contactId());
    }
    if (c.chat()) {
      j.nul("CustomerEndpoint");
    } else {
      j.object("CustomerEndpoint").str("Address", p.phone()).str("Type", "TELEPHONE_NUMBER").end();
    }
    j.str(
        "DisconnectReason",
        c.abandoned() || r.nextInt(100) < 70 ? "CUSTOMER_DISCONNECT" : "AGENT_DISCONNECT");
    j.isoSeconds("DisconnectTimestamp", c.disconnect());
    j.nul("InitialContactId");
    j.str("InitiationMethod", c.method());
    if (mf == Malformation.IMPOSSIBLE_DATE) {
      StringBuilder s = new StringBuilder(24);
      Times.isoSeconds(s, c.initiation());
      j.str("InitiationTimestamp", Noise.impossibleDate(r, s.toString()));
    } else {
      j.isoSeconds("InitiationTimestamp", c.initiation());
    }
    j.str("InstanceARN", instanceArn);
    j.isoSeconds("LastUpdateTimestamp", lastUpdate);
    j.array("MediaStreams").begin().str("Type", c.chat() ? "CHAT" : "AUDIO").end().endArray();
    j.nul("NextContactId");
    j.nul("PreviousContactId");
    j.object("Queue");
    j.str("ARN", queueArns[c.queue()]);
    j.isoSeconds("DequeueTimestamp", c.dequeued());
    j.num("Duration", (c.dequeued() - c.enqueued()) / 1000);
    j.isoSeconds("EnqueueTimestamp", c.enqueued());
    j.str("Name", QUEUES[c.queue()]);
    j.end();
    if (c.chat() || c.abandoned()) {
      j.nul("Recording");
    } else {
      j.object("Recording")
          .str(
              "Location",
              "connect-recordings-"
                  + accountId
                  + "/connect/"
                  + REGION
                  + "/CallRecordings/"
                  + c.contactId()
                  + ".wav")
          .str("Status", "AVAILABLE")
          .str("Type", "AUDIO")
          .end();
    }
    if (c.chat()) {
      j.nul("SystemEndpoint");
    } else {
      j.object("SystemEndpoint")
          .str("Address", c.method().equals("INBOUND") ? systemNumber : outboundNumber)
          .str("Type", "TELEPHONE_NUMBER")
          .end();
    }
    j.nul("TransferCompletedTimestamp");
    j.nul("TransferredToEndpoint");
    j.end();
    String text = j.toString();
    if (mf == Malformation.TRUNCATED_JSON) {
      text = Noise.truncate(r, text);
    }
    return text;
  }
}
