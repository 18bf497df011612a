package io.convene.domain.sip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The org's one row of SIP settings. */
@Component
public class SipSettingsStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SipSettingsStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<SipSettings> find() {
        return jdbc.sql("select enabled, ws_url, realm, outbound_proxy, ice_servers::text as ice, updated_at, updated_by "
                        + "from sip_settings where id = 1")
                .query((rs, n) -> new SipSettings(rs.getBoolean("enabled"), rs.getString("ws_url"), rs.getString("realm"),
                        rs.getString("outbound_proxy"), ice(rs.getString("ice")), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .optional();
    }

    public void save(SipSettings settings) {
        jdbc.sql("""
                insert into sip_settings (id, enabled, ws_url, realm, outbound_proxy, ice_servers, updated_at, updated_by)
                values (1, :enabled, :ws, :realm, :proxy, cast(:ice as jsonb), :at, :by)
                on conflict (id) do update set enabled = excluded.enabled, ws_url = excluded.ws_url, realm = excluded.realm,
                    outbound_proxy = excluded.outbound_proxy, ice_servers = excluded.ice_servers,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("enabled", settings.enabled()).param("ws", settings.wsUrl()).param("realm", settings.realm())
                .param("proxy", settings.outboundProxy()).param("ice", write(settings.iceServers()))
                .param("at", Timestamp.from(settings.updatedAt())).param("by", settings.updatedBy())
                .update();
    }

    private List<SipSettings.IceServer> ice(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sip_settings.ice_servers is not a list of ICE servers", e);
        }
    }

    private String write(List<SipSettings.IceServer> servers) {
        try {
            return json.writeValueAsString(servers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ICE servers are not serialisable", e);
        }
    }
}
