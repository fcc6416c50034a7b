package org.npsloop.web.campaigns;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.mail.OutboxService;
import org.npsloop.campaigns.mail.OutboxService.OutboxContent;
import org.npsloop.campaigns.mail.OutboxService.OutboxMessage;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The development outbox page: the mails the app would have sent, readable and clickable. */
@Named
@ViewScoped
public class DevelopmentOutbox implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OutboxService outbox;

    private Long openId;

    private final LazyDataModel<OutboxMessage> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) outbox.count();
        }

        @Override
        public List<OutboxMessage> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return outbox.recent(first, pageSize);
        }

        @Override
        public String getRowKey(OutboxMessage message) {
            return String.valueOf(message.id());
        }
    };

    public void open(OutboxMessage message) {
        openId = message.id();
    }

    public OutboxContent getOpened() {
        return openId == null ? null : outbox.find(openId).orElse(null);
    }

    public LazyDataModel<OutboxMessage> getModel() {
        return model;
    }
}
