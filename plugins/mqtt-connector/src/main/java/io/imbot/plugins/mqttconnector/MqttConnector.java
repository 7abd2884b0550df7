package io.imbot.plugins.mqttconnector;

import io.imbot.api.connector.Backoff;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.MqttConnectionException;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubAckMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to an MQTT 3.1.1 broker through Vert.x's MQTT client, on the daemon's event loop.
 * Publishes with QoS 1: the broker's PUBACK is the ACK ({@link DeliveryGuarantee#BROKER_ACK}: the
 * broker has the message, the recipient may not yet). Keeps a persistent session (clean session
 * off, a fixed client ID), so what is published to the bot while it is away waits at the broker;
 * an inbound publish is acknowledged only once the engine has stored it.
 *
 * <p>Confined to the Vert.x context that called {@link #start}, like the client it owns.
 */
public final class MqttConnector implements Connector {

    private static final Logger log = LoggerFactory.getLogger(MqttConnector.class);

    private final Vertx vertx;
    private final MqttSettings settings;
    private final Backoff backoff;
    private ConnectorListener listener;
    private boolean stopped;
    private long reconnectTimer = -1;
    private boolean skipOversized; // the last connection died of an oversized publish: read the next ones to drop them

    // valid for one connection
    private MqttClient client;
    private boolean ready;
    private long readyAt;
    private long attemptTimer = -1;
    private String lossReason;
    private int writing; // publishes handed to the client whose packet ID is not known yet
    private final Map<Integer, String> inflight = new HashMap<>(); // packet ID -> message ID
    private final Set<Integer> earlyAcks = new HashSet<>(); // PUBACKs that overtook their publish's completion
    private final Map<String, List<MqttPublishMessage>> unstored = new LinkedHashMap<>(); // from + id -> publishes to PUBACK

    /** Creates a connector; nothing happens until {@link #start}. */
    MqttConnector(Vertx vertx, MqttSettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.backoff = new Backoff(settings.initialDelay(), settings.maxDelay(), ThreadLocalRandom.current());
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.BROKER_ACK;
    }

    @Override
    public String checkAddress(String address) {
        return Topics.check(address);
    }

    @Override
    public void start(ConnectorListener listener) {
        this.listener = listener;
        connect();
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public boolean writable() {
        return ready && inflight.size() + writing < settings.maxInflight();
    }

    @Override
    public void send(OutboundMessage m) {
        if (!ready) {
            return; // the engine sends it again once the connection is ready
        }
        MqttClient c = client;
        writing++;
        c.publish(settings.topics().topicOf(m.to()), new Payload(m.id(), settings.user(), m.body(), m.createdAt()).encode(),
                MqttQoS.AT_LEAST_ONCE, false, false).onComplete(ar -> {
                    if (c != client) {
                        return; // that connection is gone; the engine retransmits
                    }
                    writing--;
                    if (ar.failed()) {
                        log.debug("publish of {} failed on {}: {}", m.id(), describe(), ar.cause().toString());
                    } else if (earlyAcks.remove(ar.result())) {
                        listener.onAck(m.id());
                    } else {
                        inflight.put(ar.result(), m.id());
                    }
                });
    }

    @Override
    public void acknowledge(String from, String id) {
        List<MqttPublishMessage> publishes = unstored.remove(from + "\n" + id);
        if (publishes != null) {
            publishes.forEach(MqttPublishMessage::ack); // every copy: the message is stored
        }
    }

    @Override
    public CompletionStage<Void> stop() {
        stopped = true;
        cancelTimers();
        MqttClient c = client;
        if (c == null || !c.isConnected()) {
            return Future.<Void>succeededFuture().toCompletionStage();
        }
        return c.disconnect().recover(e -> Future.succeededFuture()).toCompletionStage();
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    private void connect() {
        reconnectTimer = -1;
        if (stopped) {
            return;
        }
        MqttClient c = MqttClient.create(vertx, clientOptions());
        client = c;
        lossReason = null;
        c.publishHandler(this::onPublish)
                .publishCompletionHandler(this::onPublished)
                .subscribeCompletionHandler(ack -> onSubscribed(c, ack))
                .exceptionHandler(e -> onException(c, e))
                .closeHandler(v -> onClosed(c));
        attemptTimer = vertx.setTimer(settings.connectTimeout().toMillis() * 2, id -> {
            attemptTimer = -1;
            if (c == client && !ready) {
                failAttempt(c, "no CONNACK and SUBACK within " + settings.connectTimeout().toMillis() * 2 + " ms");
            }
        });
        c.connect(settings.port(), settings.host()).onComplete(ar -> {
            if (c != client) {
                return;
            }
            if (ar.failed()) {
                failAttempt(c, explain(ar.cause()));
            } else if (stopped) {
                c.disconnect();
            } else {
                log.debug("connected to {}; session present: {}", describe(), ar.result().isSessionPresent());
                c.subscribe(subscriptions());
            }
        });
    }

    private MqttClientOptions clientOptions() {
        MqttClientOptions o = new MqttClientOptions()
                .setClientId(settings.clientId())
                .setCleanSession(false)
                .setUsername(settings.username())
                .setKeepAliveInterval((int) Math.max(1, settings.keepAlive().toSeconds()))
                .setAutoKeepAlive(true)
                .setMaxInflightQueue(settings.maxInflight())
                .setMaxMessageSize(skipOversized ? settings.maxSkipBytes() : settings.maxMessageBytes());
        o.setAutoAck(false);
        o.setConnectTimeout((int) settings.connectTimeout().toMillis());
        if (!settings.password().isEmpty()) {
            o.setPassword(settings.password());
        }
        if (settings.tls()) {
            o.setSsl(true);
            o.setHostnameVerificationAlgorithm(settings.verifyHost() ? "HTTPS" : "");
            if (!settings.caFile().isEmpty()) {
                o.setTrustOptions(new PemTrustOptions().addCertPath(settings.caFile()));
            }
        }
        return o;
    }

    private Map<String, Integer> subscriptions() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put(settings.topics().topicOf(settings.user()), MqttQoS.AT_LEAST_ONCE.value());
        settings.rooms().forEach(room -> topics.put(settings.topics().topicOf(room), MqttQoS.AT_LEAST_ONCE.value()));
        return topics;
    }

    private void onSubscribed(MqttClient c, MqttSubAckMessage ack) {
        if (c != client || ready) {
            return;
        }
        if (ack.grantedQoSLevels().contains(MqttQoS.FAILURE.value())) {
            log.warn("{}: the broker refused some subscriptions (granted {} for {})", describe(), ack.grantedQoSLevels(),
                    subscriptions().keySet());
        }
        if (attemptTimer >= 0) {
            vertx.cancelTimer(attemptTimer);
            attemptTimer = -1;
        }
        ready = true;
        readyAt = System.nanoTime();
        skipOversized = false; // the raised limit holds for this connection only
        backoff.loggedIn();
        log.info("connected to {}", describe());
        listener.onReady();
    }

    private void onPublished(int packetId) {
        String id = inflight.remove(packetId);
        if (id == null) {
            earlyAcks.add(packetId);
            return;
        }
        boolean wasFull = inflight.size() + writing + 1 >= settings.maxInflight();
        listener.onAck(id);
        if (wasFull && writable()) {
            listener.onWritable();
        }
    }

    private void onException(MqttClient c, Throwable e) {
        if (c != client) {
            return;
        }
        lossReason = explain(e);
        if (e instanceof TooLongFrameException || e.getCause() instanceof TooLongFrameException) {
            // The broker offers the message again on every session; read it once with a higher limit to drop it.
            skipOversized = true;
            lossReason = "the broker sent a message over maxMessageBytes (" + settings.maxMessageBytes() + "): " + lossReason
                    + "; the next connection reads up to maxSkipBytes (" + settings.maxSkipBytes() + ") to drop it";
        }
    }

    private void onPublish(MqttPublishMessage m) {
        if (m.payload().length() > settings.maxMessageBytes()) {
            log.warn("dropped a publish of {} bytes on {} from {}: over maxMessageBytes ({})", m.payload().length(), m.topicName(),
                    describe(), settings.maxMessageBytes());
            m.ack();
            return;
        }
        String to = settings.topics().addressOf(m.topicName());
        Payload p;
        try {
            p = Payload.decode(m.payload());
        } catch (IllegalArgumentException e) {
            log.warn("dropped a publish on {} from {}: {}", m.topicName(), describe(), e.getMessage());
            m.ack();
            return;
        }
        if (to == null || p.from().equals(settings.user())) {
            m.ack(); // outside the scheme, or the bot's own message to a room coming back
            return;
        }
        unstored.computeIfAbsent(p.from() + "\n" + p.id(), k -> new ArrayList<>(1)).add(m);
        listener.onMessage(new InboundMessage(p.id(), p.from(), to, p.body(), p.ts()));
    }

    private void failAttempt(MqttClient c, String why) {
        client = null;
        cancelTimers();
        if (c.isConnected()) {
            c.disconnect();
        }
        String reason = "cannot connect to " + describe() + ": " + why;
        listener.onAttemptFailed(reason);
        scheduleReconnect(reason);
    }

    private void onClosed(MqttClient c) {
        if (c != client) {
            return;
        }
        client = null;
        if (attemptTimer >= 0) {
            vertx.cancelTimer(attemptTimer);
            attemptTimer = -1;
        }
        boolean wasReady = ready;
        ready = false;
        writing = 0;
        inflight.clear();
        earlyAcks.clear();
        unstored.clear(); // the broker sends them again on the next session
        if (stopped) {
            return;
        }
        String reason = lossReason != null ? lossReason : "the broker closed the connection";
        if (wasReady && (System.nanoTime() - readyAt) / 1_000_000 >= settings.resetAfter().toMillis()) {
            backoff.reset();
        }
        if (wasReady) {
            listener.onLost(reason);
        } else {
            listener.onAttemptFailed("cannot connect to " + describe() + ": " + reason);
        }
        scheduleReconnect(reason);
    }

    private void scheduleReconnect(String reason) {
        if (stopped) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        if (backoff.shouldWarn(reason)) {
            log.warn("{}; reconnecting in {} ms (attempt {})", reason, delay, backoff.failures());
        } else {
            log.debug("{}; reconnecting in {} ms (attempt {})", reason, delay, backoff.failures());
        }
        reconnectTimer = vertx.setTimer(delay, id -> connect());
    }

    private void cancelTimers() {
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        if (attemptTimer >= 0) {
            vertx.cancelTimer(attemptTimer);
            attemptTimer = -1;
        }
    }

    private static String explain(Throwable e) {
        if (e instanceof MqttConnectionException refused) {
            return "the broker refused the connection: " + refused.code();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
