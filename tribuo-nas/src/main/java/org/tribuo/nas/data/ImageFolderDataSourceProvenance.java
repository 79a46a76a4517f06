/*
 * Copyright (c) 2026 tribuo-nas authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.tribuo.nas.data;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import org.tribuo.provenance.DataSourceProvenance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provenance of an {@link ImageFolderDataSource}: its configuration (root, split, shape,
 * resize policy, unreadable-file policy) and what it found, so that a reproduction can tell
 * whether the folder changed: the classes, the images per class ({@code name=count} joined by
 * commas), the number of files skipped as unreadable and the content digest.
 */
public final class ImageFolderDataSourceProvenance extends SkeletalConfiguredObjectProvenance implements DataSourceProvenance {
    private static final long serialVersionUID = 1L;

    /** The key of the content digest (hex SHA-256 of relative paths and file contents). */
    public static final String CONTENT_DIGEST = "content-digest";
    /** The key of the class list, comma-separated in label order. */
    public static final String CLASSES = "classes";
    /** The key of the images read per class, {@code name=count} comma-separated. */
    public static final String FILES_PER_CLASS = "files-per-class";
    /** The key of the number of files skipped as unreadable. */
    public static final String SKIPPED_FILES = "skipped-files";

    private final DateTimeProvenance creationTime;
    private final HashProvenance contentDigest;
    private final StringProvenance classes;
    private final StringProvenance filesPerClass;
    private final IntProvenance skippedFiles;

    ImageFolderDataSourceProvenance(ImageFolderDataSource host) {
        super(host, "DataSource");
        this.creationTime = new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
        this.contentDigest = new HashProvenance(ProvenanceUtil.HashType.SHA256, CONTENT_DIGEST, host.contentDigest());
        this.classes = new StringProvenance(CLASSES, String.join(",", host.classes()));
        this.filesPerClass = new StringProvenance(FILES_PER_CLASS, host.filesPerClass().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        this.skippedFiles = new IntProvenance(SKIPPED_FILES, host.skippedFiles());
    }

    /**
     * Deserialization constructor.
     * @param map The provenance's entries.
     */
    public ImageFolderDataSourceProvenance(Map<String, Provenance> map) {
        this(extractProvenanceInfo(map));
    }

    private ImageFolderDataSourceProvenance(ExtractedInfo info) {
        super(info);
        this.creationTime = (DateTimeProvenance) info.instanceValues.get(DATASOURCE_CREATION_TIME);
        this.contentDigest = (HashProvenance) info.instanceValues.get(CONTENT_DIGEST);
        this.classes = (StringProvenance) info.instanceValues.get(CLASSES);
        this.filesPerClass = (StringProvenance) info.instanceValues.get(FILES_PER_CLASS);
        this.skippedFiles = (IntProvenance) info.instanceValues.get(SKIPPED_FILES);
    }

    private static ExtractedInfo extractProvenanceInfo(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String owner = ImageFolderDataSourceProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(configured, CLASS_NAME, StringProvenance.class, owner).getValue();
        String hostType = ObjectProvenance.checkAndExtractProvenance(configured, HOST_SHORT_NAME, StringProvenance.class, owner).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(configured, DATASOURCE_CREATION_TIME,
                DateTimeProvenance.class, owner));
        instance.put(CONTENT_DIGEST, ObjectProvenance.checkAndExtractProvenance(configured, CONTENT_DIGEST, HashProvenance.class, owner));
        instance.put(CLASSES, ObjectProvenance.checkAndExtractProvenance(configured, CLASSES, StringProvenance.class, owner));
        instance.put(FILES_PER_CLASS, ObjectProvenance.checkAndExtractProvenance(configured, FILES_PER_CLASS, StringProvenance.class, owner));
        instance.put(SKIPPED_FILES, ObjectProvenance.checkAndExtractProvenance(configured, SKIPPED_FILES, IntProvenance.class, owner));
        return new ExtractedInfo(className, hostType, configured, instance);
    }

    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(creationTime.getKey(), creationTime);
        map.put(contentDigest.getKey(), contentDigest);
        map.put(classes.getKey(), classes);
        map.put(filesPerClass.getKey(), filesPerClass);
        map.put(skippedFiles.getKey(), skippedFiles);
        return map;
    }
}
